package dev.kiln.executors.ssh;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/** A finished remote command: its exit status and what it printed (secrets masked). */
public record CommandResult(String host, String step, int exitStatus, String stdout, String stderr, Duration duration)
{
    public CommandResult
    {
        requireNonNull(host, "host is null");
        requireNonNull(step, "step is null");
        requireNonNull(stdout, "stdout is null");
        requireNonNull(stderr, "stderr is null");
        requireNonNull(duration, "duration is null");
    }

    public boolean succeeded()
    {
        return exitStatus == 0;
    }
}
