package dev.kiln.executors.ssh;

import dev.kiln.executors.walk.CancellationToken;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.ConnectionException;
import net.schmizz.sshj.connection.channel.OpenFailException;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.connection.channel.direct.Signal;
import net.schmizz.sshj.transport.TransportException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Runs one command on its own channel of the host's connection: output pumped line by line into
 * the host log and the result, stdin fed (after sudo's password, when sudo asks, so the password
 * never reaches the command), the channel closed on timeout, interrupt or cancellation.
 */
final class CommandExecution
{
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(5);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final HostConnection connection;
    private final SshHostConfig host;
    private final String step;
    private final RemoteCommand command;
    private final Duration timeout;
    private final CancellationToken cancellation;
    private final SecretRedactor redactor;
    private final OutputLines output = new OutputLines();
    private final SudoDialog sudo;
    private final String pidMarker = "[kiln-pid:" + HexFormat.of().formatHex(nonce()) + ":";
    private volatile IOException streamFailure;
    private volatile boolean cancelled;
    private volatile String remotePid;
    private volatile boolean abandoned;

    CommandExecution(HostConnection connection, String step, RemoteCommand command, Duration timeout, CancellationToken cancellation, SecretRedactor redactor)
    {
        this.connection = connection;
        this.host = connection.config();
        this.step = step;
        this.command = command;
        this.timeout = timeout;
        this.cancellation = cancellation;
        this.redactor = redactor;
        this.sudo = command.sudo() && host.usesSudo() ? new SudoDialog(host.sudoPassword()) : null;
    }

    CommandResult run()
    {
        if (cancellation != null) {
            cancellation.throwIfCancelled();
        }
        long started = System.nanoTime();
        connection.acquireChannel(step);
        Session session = null;
        CancellationToken.Registration registration = null;
        try {
            session = openSession();
            connection.log().line(step, "$", shown(command.command()) + (sudo == null ? "" : "  (through sudo)"));
            Session.Command remote = session.exec(commandLine());
            CountDownLatch drained = new CountDownLatch(2);
            if (cancellation != null) {
                registration = cancellation.onCancel(() -> {
                    cancelled = true;
                    abandon(remote, drained);
                });
            }
            Thread.ofVirtual().name("ssh-out-" + host.name()).start(() -> pump(remote, remote.getInputStream(), false, drained));
            Thread.ofVirtual().name("ssh-err-" + host.name()).start(() -> pump(remote, remote.getErrorStream(), true, drained));
            if (sudo == null) {
                feedStdin(remote.getOutputStream());
            }
            awaitEnd(remote, drained);
            return finish(remote, Duration.ofNanos(System.nanoTime() - started));
        }
        catch (IOException e) {
            throw connectionLost(e);
        }
        finally {
            if (registration != null) {
                registration.close();
            }
            if (!abandoned) {
                closeQuietly(session);
            }
            connection.releaseChannel();
        }
    }

    /**
     * A session channel on the host's connection. When the connection turns out to have broken
     * since its last use (the host rebooted, sshd restarted), it is reopened once: nothing ran
     * yet, so trying again is safe.
     */
    private Session openSession()
            throws IOException
    {
        SSHClient client = connection.client(step, cancellation);
        try {
            return client.startSession();
        }
        catch (IOException e) {
            // A refused channel (OpenFailException: too many sessions, …) leaves the connection
            // and its other channels alone; a broken connection, perhaps noticed only now, is
            // replaced.
            boolean broken = !client.isConnected()
                    || e instanceof TransportException
                    || (e instanceof ConnectionException && !(e instanceof OpenFailException));
            if (!broken) {
                throw e;
            }
            connection.disconnect();
            return connection.client(step, cancellation).startSession();
        }
    }

    private void awaitEnd(Session.Command remote, CountDownLatch drained)
    {
        boolean ended;
        try {
            ended = drained.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException e) {
            abandon(remote, drained);
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted: step \"" + step + "\" on " + host.name() + " stopped, its channel closed");
        }
        if (cancelled) {
            throw new CancellationException("cancelled: step \"" + step + "\" on " + host.name() + " stopped, its channel closed");
        }
        if (!ended) {
            abandon(remote, drained);
            throw new HostCommandException(host.name(), step, OptionalInt.empty(), tail(),
                    message("timed out after " + format(timeout) + " and was stopped"), null);
        }
    }

    private CommandResult finish(Session.Command remote, Duration duration)
            throws IOException
    {
        if (streamFailure != null) {
            throw streamFailure;
        }
        try {
            remote.join(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (IOException e) {
            // the exit status, if any arrived, is read below
        }
        Integer status = remote.getExitStatus();
        if (status == null) {
            if (!connection.isUsable()) {
                throw new IOException("the connection closed before the command's exit status arrived");
            }
            Signal signal = remote.getExitSignal();
            throw new HostCommandException(host.name(), step, OptionalInt.empty(), tail(),
                    message(signal == null ? "ended without an exit status" : "was killed by signal " + signal), null);
        }
        connection.log().line(step, "---", "exit " + status + " after " + duration.toMillis() + " ms");
        if (sudo != null && !sudo.commandStarted() && status != 0) {
            throw new HostAuthenticationException(host.name(), step, redactor.redact("sudo refused " + host.user() + " on " + host.name() + " in step \""
                    + step + "\": " + sudo.refusal() + lastLines()), null);
        }
        CommandResult result = new CommandResult(host.name(), step, status, redactor.redact(output.stdout()), redactor.redact(output.stderr()), duration);
        if (status != 0 && command.check()) {
            throw new HostCommandException(host.name(), step, OptionalInt.of(status), tail(), message("exited with status " + status), null);
        }
        return result;
    }

    private void pump(Session.Command remote, InputStream stream, boolean standardError, CountDownLatch drained)
    {
        OutputLines.Splitter splitter = new OutputLines.Splitter();
        byte[] buffer = new byte[8192];
        try {
            for (int read = stream.read(buffer); read >= 0; read = stream.read(buffer)) {
                for (String line : splitter.feed(buffer, read)) {
                    accept(remote, standardError, line);
                }
                if (standardError && sudo != null) {
                    sudo.checkPartial(splitter, remote);
                }
            }
            for (String line : splitter.finish()) {
                accept(remote, standardError, line);
            }
        }
        catch (IOException e) {
            if (!cancelled) {
                streamFailure = e;
            }
        }
        finally {
            drained.countDown();
        }
    }

    private void accept(Session.Command remote, boolean standardError, String line)
    {
        if (standardError && remotePid == null && line.startsWith(pidMarker) && line.endsWith("]")) {
            remotePid = line.substring(pidMarker.length(), line.length() - 1);
            return;
        }
        Optional<String> kept = standardError && sudo != null ? sudo.filterLine(line, remote, this::feedStdin) : Optional.of(line);
        kept.ifPresent(text -> {
            output.add(standardError, text);
            connection.log().line(step, standardError ? "err|" : "out|", text);
        });
    }

    /** Writes the command's stdin, if any, and closes it, so a command that reads stdin never waits forever. */
    private void feedStdin(OutputStream stdin)
    {
        try (stdin) {
            if (command.stdin().isPresent()) {
                stdin.write(command.stdin().get().getBytes(StandardCharsets.UTF_8));
                stdin.flush();
            }
        }
        catch (IOException ignored) {
            // the command ended before reading its input; its exit status tells the story
        }
    }

    /**
     * The command line sent: it first reports the remote shell's process ID (sshd makes that
     * shell a session and process group leader), so an abandoned command's whole process group
     * can be killed; closing the channel alone leaves it running on the host.
     */
    private String commandLine()
    {
        String announce = "printf '%s%s]\\n' '" + pidMarker + "' \"$$\" >&2; ";
        return announce + (sudo == null ? command.command() : sudo.wrap(command.command()));
    }

    /**
     * Kills everything in the command's session (sshd made its shell the session leader, so the
     * session ID is that shell's PID; sudo and the command stay in it). {@code pkill -s} where
     * procps exists, else the process group, else the shell; {@code kill -s KILL -PID} because
     * dash's {@code kill} takes no {@code --}.
     */
    private static String stopCommand(String pid)
    {
        return "pkill -KILL -s " + pid + " 2>/dev/null || kill -s KILL -" + pid + " 2>/dev/null; kill -s KILL " + pid + " 2>/dev/null; true";
    }

    /** Stops waiting at once; kills the remote command's processes and closes the channel in the background. */
    private void abandon(Session.Command remote, CountDownLatch drained)
    {
        abandoned = true;
        while (drained.getCount() > 0) {
            drained.countDown();
        }
        String pid = remotePid;
        Thread.ofVirtual().name("ssh-stop-" + host.name()).start(() -> {
            if (pid != null && pid.chars().allMatch(Character::isDigit)) {
                RemoteCommand kill = new RemoteCommand(stopCommand(pid),
                        command.sudo(), Optional.empty(), Optional.of(STOP_TIMEOUT), false, List.of());
                try {
                    new CommandExecution(connection, step + " (stop)", kill, STOP_TIMEOUT, null, redactor).run();
                }
                catch (RuntimeException ignored) {
                    // the host or its connection is gone; nothing is left to stop
                }
            }
            closeQuietly(remote);
        });
    }

    private HostCommandException connectionLost(IOException e)
    {
        connection.disconnectIfBroken();
        return new HostCommandException(host.name(), step, OptionalInt.empty(), tail(),
                message("lost its connection (" + e.getMessage() + "); the host may have rebooted or its sshd stopped"), e);
    }

    private String message(String what)
    {
        return redactor.redact("Step \"" + step + "\" failed on " + host.name() + ": `" + shown(command.command()) + "` " + what + "." + lastLines());
    }

    private String lastLines()
    {
        List<String> tail = tail();
        return tail.isEmpty() ? " It printed nothing." : " Last output:\n  " + String.join("\n  ", tail);
    }

    private List<String> tail()
    {
        return redactor.redact(output.tail());
    }

    private String shown(String text)
    {
        String redacted = redactor.redact(text).strip();
        return redacted.length() > 300 ? redacted.substring(0, 300) + "…" : redacted;
    }

    private static String format(Duration duration)
    {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    private static byte[] nonce()
    {
        byte[] bytes = new byte[6];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    private static void closeQuietly(AutoCloseable channel)
    {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        }
        catch (Exception ignored) {
            // the channel or its connection is already gone
        }
    }
}
