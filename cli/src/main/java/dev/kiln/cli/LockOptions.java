package dev.kiln.cli;

import picocli.CommandLine.Option;

import java.time.Duration;

/** {@code -lock-timeout=DURATION} for every command that takes the state lock. */
final class LockOptions
{
    @Option(names = {"-lock-timeout", "--lock-timeout"}, paramLabel = "DURATION", defaultValue = "0s", converter = DurationConverter.class,
            description = "How long to retry while another run holds the state lock, e.g. 30s or 2m (default: 0s, fail at once).")
    Duration lockTimeout;
}
