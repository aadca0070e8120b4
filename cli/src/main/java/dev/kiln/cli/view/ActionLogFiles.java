package dev.kiln.cli.view;

import dev.kiln.executors.hook.WalkHook;
import dev.kiln.executors.walk.Outcome;
import dev.kiln.lang.addr.ResourceAddress;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * One log file per action under {@code .kiln/logs/<run>/}: when it started, what it reported,
 * and how it ended (with the error). Named after the address, with characters that do not
 * belong in file names replaced.
 */
public final class ActionLogFiles
        implements WalkHook<ResourceAddress>
{
    private final Path directory;
    private final Clock clock;

    public ActionLogFiles(Path directory, Clock clock)
    {
        this.directory = requireNonNull(directory, "directory is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    public Path directory()
    {
        return directory;
    }

    public static String fileName(ResourceAddress address)
    {
        return address.toString().replaceAll("[^A-Za-z0-9._-]+", "_") + ".log";
    }

    @Override
    public void started(ResourceAddress id)
    {
        append(id, "started");
    }

    @Override
    public void progress(ResourceAddress id, String message)
    {
        append(id, message);
    }

    @Override
    public void stillRunning(ResourceAddress id, Duration elapsed)
    {
        append(id, "still running after " + elapsed.toSeconds() + "s");
    }

    @Override
    public void finished(ResourceAddress id, Outcome<ResourceAddress, ?> outcome)
    {
        String line = switch (outcome) {
            case Outcome.Succeeded<ResourceAddress, ?> succeeded -> "succeeded after " + succeeded.duration().toMillis() + " ms";
            case Outcome.Failed<ResourceAddress, ?> failed -> "failed after " + failed.duration().toMillis() + " ms: " + failed.exception().getMessage();
            case Outcome.Cancelled<ResourceAddress, ?> cancelled -> "cancelled after " + cancelled.duration().toMillis() + " ms";
            case Outcome.Skipped<ResourceAddress, ?> skipped -> "not started, because " + skipped.becauseOf() + " failed";
            case Outcome.NotStarted<ResourceAddress, ?> notStarted -> "not started, because the run was stopped";
        };
        append(id, line);
    }

    /**
     * Appends one line. An action cancelled by a second Ctrl-C reports from an interrupted
     * thread, and a file channel refuses an interrupted thread (it closes itself): the interrupt
     * is set aside while the line is written and restored afterwards, for the action to see.
     */
    private void append(ResourceAddress id, String message)
    {
        boolean interrupted = Thread.interrupted();
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(fileName(id)), clock.instant() + " " + id + ": " + message + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
