package dev.kiln.executors.ssh;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Settings of one run's transport: where command output is logged ({@code <logDirectory>/<host>.log},
 * normally {@code .kiln/logs/<run>}), how long a connect and a command may take, how often an
 * unreachable host is retried (network errors only, with doubling backoff), and how many
 * channels one connection opens at once (OpenSSH allows 10 sessions per connection).
 */
public record SshOptions(
        Optional<Path> logDirectory,
        Duration connectTimeout,
        Duration commandTimeout,
        int connectAttempts,
        Duration initialBackoff,
        Duration maximumBackoff,
        int channelsPerHost)
{
    public SshOptions
    {
        requireNonNull(logDirectory, "logDirectory is null");
        requireNonNull(connectTimeout, "connectTimeout is null");
        requireNonNull(commandTimeout, "commandTimeout is null");
        requireNonNull(initialBackoff, "initialBackoff is null");
        requireNonNull(maximumBackoff, "maximumBackoff is null");
        if (connectAttempts < 1) {
            throw new IllegalArgumentException("connectAttempts must be at least 1: " + connectAttempts);
        }
        if (channelsPerHost < 1) {
            throw new IllegalArgumentException("channelsPerHost must be at least 1: " + channelsPerHost);
        }
    }

    /** No log files; 10 s connects, 30 min commands, 6 connect attempts from 0.5 s backoff up to 8 s, 8 channels per host. */
    public static SshOptions defaults()
    {
        return new SshOptions(Optional.empty(), Duration.ofSeconds(10), Duration.ofMinutes(30), 6, Duration.ofMillis(500), Duration.ofSeconds(8), 8);
    }

    /** Logs under {@code <kilnDirectory>/logs/<runId>/}. */
    public SshOptions withRunLogs(Path kilnDirectory, String runId)
    {
        return withLogDirectory(kilnDirectory.resolve("logs").resolve(runId));
    }

    public SshOptions withLogDirectory(Path directory)
    {
        return new SshOptions(Optional.of(directory), connectTimeout, commandTimeout, connectAttempts, initialBackoff, maximumBackoff, channelsPerHost);
    }

    public SshOptions withCommandTimeout(Duration timeout)
    {
        return new SshOptions(logDirectory, connectTimeout, timeout, connectAttempts, initialBackoff, maximumBackoff, channelsPerHost);
    }

    public SshOptions withConnectRetries(int attempts, Duration initial, Duration maximum)
    {
        return new SshOptions(logDirectory, connectTimeout, commandTimeout, attempts, initial, maximum, channelsPerHost);
    }

    public SshOptions withConnectTimeout(Duration timeout)
    {
        return new SshOptions(logDirectory, timeout, commandTimeout, connectAttempts, initialBackoff, maximumBackoff, channelsPerHost);
    }
}
