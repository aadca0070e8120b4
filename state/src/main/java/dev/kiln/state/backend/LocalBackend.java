package dev.kiln.state.backend;

import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.state.AtomicFiles;
import dev.kiln.state.State;
import dev.kiln.state.StateCodec;
import dev.kiln.state.StateException;
import dev.kiln.state.lock.LocalFileLock;
import dev.kiln.state.lock.LockAttempt;
import dev.kiln.state.lock.LockHandle;
import dev.kiln.state.lock.LockRequest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The state in a local file ({@code kiln.state} by default). Every write replaces the file
 * atomically (see {@link AtomicFiles}), keeps the previous version as {@code kiln.state.backup}
 * and the newest versions under {@code .kiln/history/}; the lock is a {@link LocalFileLock}
 * on {@code .kiln/kiln.state.lock}.
 */
public final class LocalBackend
        implements Backend
{
    private final Path stateFile;
    private final Path backupFile;
    private final Clock clock;
    private final LocalFileLock lock;
    private final LocalHistory history;

    public LocalBackend(LocalBackendOptions options)
    {
        requireNonNull(options, "options is null");
        this.stateFile = options.stateFile().toAbsolutePath().normalize();
        String name = stateFile.getFileName().toString();
        this.backupFile = stateFile.resolveSibling(name + ".backup");
        this.clock = options.clock();
        Path kilnDirectory = options.kilnDirectory().toAbsolutePath().normalize();
        this.lock = new LocalFileLock(kilnDirectory.resolve(name + ".lock"), clock);
        this.history = new LocalHistory(kilnDirectory.resolve("history"), name, options.historyLimit());
    }

    @Override
    public String location()
    {
        return stateFile.toString();
    }

    public Path backupFile()
    {
        return backupFile;
    }

    @Override
    public Optional<StateSnapshot> read()
    {
        return readFile(stateFile);
    }

    @Override
    public WriteResult write(State state, LockHandle handle)
    {
        requireNonNull(state, "state is null");
        requireNonNull(handle, "handle is null");
        if (!lock.isHeldBy(handle)) {
            throw StateException.error("State not locked",
                    "Writing %s requires holding its lock, and lock ID \"%s\" is not the lock held now.".formatted(stateFile, handle.id()));
        }
        Optional<State> stored = read().map(StateSnapshot::state);
        Optional<State> prepared = WriteRules.prepare(stored, state, location());
        if (prepared.isEmpty()) {
            return new WriteResult(stored.orElseThrow(), false);
        }
        byte[] content = StateCodec.standard().encode(prepared.get()).getBytes(StandardCharsets.UTF_8);
        try {
            AtomicFiles.deleteLeftoverTemporaries(stateFile);
            AtomicFiles.deleteLeftoverTemporaries(backupFile);
            if (Files.exists(stateFile)) {
                AtomicFiles.preserve(stateFile, backupFile);
            }
            AtomicFiles.write(stateFile, content);
            history.record(stateFile, prepared.get().serial(), clock.instant());
        }
        catch (IOException e) {
            throw ioFailure("Failed to write the state", stateFile, e);
        }
        return new WriteResult(prepared.get(), true);
    }

    @Override
    public LockAttempt tryLock(LockRequest request)
    {
        return lock.tryLock(request);
    }

    @Override
    public void unlock(LockHandle handle)
    {
        lock.unlock(handle);
    }

    @Override
    public void forceUnlock(String lockId)
    {
        lock.forceUnlock(lockId);
    }

    @Override
    public List<HistoryEntry> history()
    {
        try {
            return history.list();
        }
        catch (IOException e) {
            throw ioFailure("Failed to list the state history", stateFile, e);
        }
    }

    @Override
    public Optional<StateSnapshot> readHistory(String id)
    {
        return history.file(requireNonNull(id, "id is null")).flatMap(LocalBackend::readFile);
    }

    private static Optional<StateSnapshot> readFile(Path file)
    {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        }
        catch (NoSuchFileException e) {
            return Optional.empty();
        }
        catch (IOException e) {
            throw ioFailure("Failed to read the state", file, e);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        }
        catch (CharacterCodingException e) {
            throw StateException.error("Corrupted state file", file + " is not UTF-8 text. Restore the previous version from the backup or the history.");
        }
        return Optional.of(StateSnapshot.ofOwnedBytes(StateCodec.standard().decode(text, file.toString()), bytes));
    }

    private static StateException ioFailure(String summary, Path file, IOException cause)
    {
        return new StateException(Diagnostic.errorWithoutSource(summary, "%s: %s".formatted(file, cause)), cause);
    }
}
