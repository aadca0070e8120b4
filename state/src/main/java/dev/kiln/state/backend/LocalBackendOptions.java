package dev.kiln.state.backend;

import dev.kiln.state.encryption.StateEncryption;

import java.nio.file.Path;
import java.time.Clock;

import static java.util.Objects.requireNonNull;

/**
 * Where a {@link LocalBackend} keeps its files: the state file, the {@code .kiln} directory
 * (lock, history), how many past versions the history keeps, and how the files are encrypted.
 */
public record LocalBackendOptions(Path stateFile, Path kilnDirectory, int historyLimit, Clock clock, StateEncryption encryption)
{
    public static final String STATE_FILE_NAME = "kiln.state";
    public static final int DEFAULT_HISTORY_LIMIT = 20;

    public LocalBackendOptions
    {
        requireNonNull(stateFile, "stateFile is null");
        requireNonNull(kilnDirectory, "kilnDirectory is null");
        requireNonNull(clock, "clock is null");
        requireNonNull(encryption, "encryption is null");
        if (historyLimit < 1) {
            throw new IllegalArgumentException("history limit must be at least 1: " + historyLimit);
        }
        if (stateFile.getFileName() == null) {
            throw new IllegalArgumentException("state file has no name: " + stateFile);
        }
    }

    /** Options without encryption. */
    public LocalBackendOptions(Path stateFile, Path kilnDirectory, int historyLimit, Clock clock)
    {
        this(stateFile, kilnDirectory, historyLimit, clock, StateEncryption.none());
    }

    /** {@code kiln.state} and {@code .kiln/} in {@code workingDirectory}, 20 versions of history, the system clock. */
    public static LocalBackendOptions inDirectory(Path workingDirectory)
    {
        return new LocalBackendOptions(workingDirectory.resolve(STATE_FILE_NAME), workingDirectory.resolve(".kiln"), DEFAULT_HISTORY_LIMIT, Clock.systemUTC());
    }

    /**
     * {@code statePath} (as {@code state "local" { path }} names it: relative to
     * {@code workingDirectory}, or absolute) and {@code .kiln/} in {@code workingDirectory}, 20
     * versions of history, the system clock. The backup copy is kept beside the state file.
     */
    public static LocalBackendOptions inDirectory(Path workingDirectory, String statePath)
    {
        requireNonNull(workingDirectory, "workingDirectory is null");
        requireNonNull(statePath, "statePath is null");
        if (statePath.isBlank()) {
            throw new IllegalArgumentException("state path is empty");
        }
        return inDirectory(workingDirectory).withStateFile(workingDirectory.resolve(statePath).normalize());
    }

    public LocalBackendOptions withStateFile(Path newStateFile)
    {
        return new LocalBackendOptions(newStateFile, kilnDirectory, historyLimit, clock, encryption);
    }

    public LocalBackendOptions withHistoryLimit(int newHistoryLimit)
    {
        return new LocalBackendOptions(stateFile, kilnDirectory, newHistoryLimit, clock, encryption);
    }

    public LocalBackendOptions withClock(Clock newClock)
    {
        return new LocalBackendOptions(stateFile, kilnDirectory, historyLimit, newClock, encryption);
    }

    /** The same options with the state file, its backup and its history encrypted by {@code newEncryption}. */
    public LocalBackendOptions withEncryption(StateEncryption newEncryption)
    {
        return new LocalBackendOptions(stateFile, kilnDirectory, historyLimit, clock, newEncryption);
    }
}
