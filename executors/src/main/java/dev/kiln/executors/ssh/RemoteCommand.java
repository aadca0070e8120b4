package dev.kiln.executors.ssh;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A command line to run on a host through {@code sh -c}: whether through sudo, what to feed its
 * stdin, its own timeout (else the run's default), whether a non-zero exit is an error
 * ({@code check}), and extra secrets it handles (a join token in the command line) to mask in
 * logs and errors.
 */
public record RemoteCommand(String command, boolean sudo, Optional<String> stdin, Optional<Duration> timeout, boolean check, List<String> secrets)
{
    public RemoteCommand
    {
        requireNonNull(command, "command is null");
        requireNonNull(stdin, "stdin is null");
        requireNonNull(timeout, "timeout is null");
        secrets = List.copyOf(secrets);
        timeout.ifPresent(value -> {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("timeout must be positive: " + value);
            }
        });
    }

    /** Runs as the login user; a non-zero exit throws {@link HostCommandException}. */
    public static RemoteCommand of(String command)
    {
        return new RemoteCommand(command, false, Optional.empty(), Optional.empty(), true, List.of());
    }

    public RemoteCommand withSudo()
    {
        return new RemoteCommand(command, true, stdin, timeout, check, secrets);
    }

    public RemoteCommand withStdin(String input)
    {
        return new RemoteCommand(command, sudo, Optional.of(input), timeout, check, secrets);
    }

    public RemoteCommand withTimeout(Duration limit)
    {
        return new RemoteCommand(command, sudo, stdin, Optional.of(limit), check, secrets);
    }

    /** A non-zero exit is returned in the {@link CommandResult}, not thrown. */
    public RemoteCommand unchecked()
    {
        return new RemoteCommand(command, sudo, stdin, timeout, false, secrets);
    }

    public RemoteCommand withSecrets(List<String> values)
    {
        return new RemoteCommand(command, sudo, stdin, timeout, check, values);
    }

    /** Without stdin or the secrets, which may be sensitive; the command line with its secrets masked. */
    @Override
    public String toString()
    {
        String shown = command;
        for (String secret : secrets) {
            if (!secret.isEmpty()) {
                shown = shown.replace(secret, SecretRedactor.MASK);
            }
        }
        return "RemoteCommand[" + shown + (sudo ? ", sudo" : "") + stdin.map(input -> ", stdin " + input.length() + " characters").orElse("")
                + timeout.map(limit -> ", timeout " + limit).orElse("") + (check ? "" : ", unchecked") + "]";
    }
}
