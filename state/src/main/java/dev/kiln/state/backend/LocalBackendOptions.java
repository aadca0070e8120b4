package dev.kiln.state.backend;

import java.nio.file.Path;
import java.time.Clock;

import static java.util.Objects.requireNonNull;

/**
 * Where a {@link LocalBackend} keeps its files: the state file, the {@code .kiln} directory
 * (lock, history) and how many past versions the history keeps.
 */
public record LocalBackendOptions(Path stateFile, Path kilnDirectory, int historyLimit, Clock clock)
{
    public static final String STATE_FILE_NAME = "kiln.state";
    public static final int DEFAULT_HISTORY_LIMIT = 20;

    public LocalBackendOptions
    {
        requireNonNull(stateFile, "stateFile is null");
        requireNonNull(kilnDirectory, "kilnDirectory is null");
        requireNonNull(clock, "clock is null");
        if (historyLimit < 1) {
            throw new IllegalArgumentException("history limit must be at least 1: " + historyLimit);
        }
        if (stateFile.getFileName() == null) {
            throw new IllegalArgumentException("state file has no name: " + stateFile);
        }
    }

    /** {@code kiln.state} and {@code .kiln/} in {@code workingDirectory}, 20 versions of history, the system clock. */
    public static LocalBackendOptions inDirectory(Path workingDirectory)
    {
        return new LocalBackendOptions(workingDirectory.resolve(STATE_FILE_NAME), workingDirectory.resolve(".kiln"), DEFAULT_HISTORY_LIMIT, Clock.systemUTC());
    }

    public LocalBackendOptions withStateFile(Path newStateFile)
    {
        return new LocalBackendOptions(newStateFile, kilnDirectory, historyLimit, clock);
    }

    public LocalBackendOptions withHistoryLimit(int newHistoryLimit)
    {
        return new LocalBackendOptions(stateFile, kilnDirectory, newHistoryLimit, clock);
    }

    public LocalBackendOptions withClock(Clock newClock)
    {
        return new LocalBackendOptions(stateFile, kilnDirectory, historyLimit, newClock);
    }
}
