package dev.kiln.state.backend;

import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.state.AtomicFiles;
import dev.kiln.state.State;
import dev.kiln.state.StateException;
import dev.kiln.state.encryption.DecodedState;
import dev.kiln.state.encryption.KeyUse;
import dev.kiln.state.encryption.SealedStateCodec;
import dev.kiln.state.lock.LocalFileLock;
import dev.kiln.state.lock.LockAttempt;
import dev.kiln.state.lock.LockHandle;
import dev.kiln.state.lock.LockRequest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The state in a local file ({@code kiln.state} by default). Every write replaces the file
 * atomically (see {@link AtomicFiles}), keeps the previous version as {@code kiln.state.backup}
 * and the newest versions under {@code .kiln/history/}; the lock is a {@link LocalFileLock}
 * on {@code .kiln/kiln.state.lock}. With encryption configured, every one of those files is
 * sealed ({@link SealedStateCodec}); a state still in plaintext or under the fallback key is
 * sealed again with the primary key, copies included, at the next write or {@link #resealStored}.
 */
public final class LocalBackend
        implements Backend
{
    private final Path stateFile;
    private final Path backupFile;
    private final Clock clock;
    private final LocalFileLock lock;
    private final LocalHistory history;
    private final SealedStateCodec codec;

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
        this.codec = new SealedStateCodec(options.encryption());
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
        requireHeld(handle);
        Optional<DecodedState> stored = readDecoded(stateFile);
        Optional<State> prepared = WriteRules.prepare(stored.map(DecodedState::state), state, location());
        boolean reseal = stored.isPresent() && needsResealing(stored.get());
        if (prepared.isEmpty() && !reseal) {
            return new WriteResult(stored.orElseThrow().state(), false);
        }
        State written = prepared.orElseGet(() -> stored.orElseThrow().state());
        store(written, reseal);
        return new WriteResult(written, true);
    }

    @Override
    public Optional<KeyUse> resealStored(LockHandle handle)
    {
        requireHeld(handle);
        Optional<DecodedState> stored = readDecoded(stateFile);
        if (stored.isEmpty() || !needsResealing(stored.get())) {
            return Optional.empty();
        }
        store(stored.get().state(), true);
        return Optional.of(stored.get().keyUse());
    }

    private boolean needsResealing(DecodedState stored)
    {
        return stored.keyUse().needsResealing(codec.encryption().enabled());
    }

    private void requireHeld(LockHandle handle)
    {
        requireNonNull(handle, "handle is null");
        if (!lock.isHeldBy(handle)) {
            throw StateException.error("State not locked",
                    "Writing %s requires holding its lock, and lock ID \"%s\" is not the lock held now.".formatted(stateFile, handle.id()));
        }
    }

    /** Writes {@code state}, keeping the previous file as the backup and this one in the history; {@code resealCopies} seals those copies again too. */
    private void store(State state, boolean resealCopies)
    {
        byte[] content = codec.encode(state);
        try {
            AtomicFiles.deleteLeftoverTemporaries(stateFile);
            AtomicFiles.deleteLeftoverTemporaries(backupFile);
            if (Files.exists(stateFile)) {
                AtomicFiles.preserve(stateFile, backupFile);
            }
            AtomicFiles.write(stateFile, content);
            history.record(stateFile, state.serial(), clock.instant());
            if (resealCopies) {
                resealCopies();
            }
        }
        catch (IOException e) {
            throw ioFailure("Failed to write the state", stateFile, e);
        }
    }

    /**
     * Seals the backup and the history copies that are plaintext or under the fallback key
     * with the primary key, so that turning encryption on leaves no plaintext copy and a
     * rotated key leaves none the new key alone cannot read. A copy no configured key opens
     * is left as it is.
     */
    private void resealCopies()
            throws IOException
    {
        List<Path> copies = new ArrayList<>();
        copies.add(backupFile);
        for (HistoryEntry entry : history.list()) {
            history.file(entry.id()).ifPresent(copies::add);
        }
        for (Path copy : copies) {
            if (!Files.isRegularFile(copy)) {
                continue;
            }
            Optional<byte[]> resealed;
            try {
                resealed = codec.resealed(Files.readAllBytes(copy), copy.toString());
            }
            catch (StateException e) {
                continue;
            }
            if (resealed.isPresent()) {
                AtomicFiles.deleteLeftoverTemporaries(copy);
                AtomicFiles.write(copy, resealed.get());
            }
        }
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
        return history.file(requireNonNull(id, "id is null")).flatMap(this::readFile);
    }

    private Optional<StateSnapshot> readFile(Path file)
    {
        return readBytes(file).map(bytes -> StateSnapshot.ofOwnedBytes(codec.decode(bytes, file.toString()).state(), bytes));
    }

    private Optional<DecodedState> readDecoded(Path file)
    {
        return readBytes(file).map(bytes -> codec.decode(bytes, file.toString()));
    }

    private static Optional<byte[]> readBytes(Path file)
    {
        try {
            return Optional.of(Files.readAllBytes(file));
        }
        catch (NoSuchFileException e) {
            return Optional.empty();
        }
        catch (IOException e) {
            throw ioFailure("Failed to read the state", file, e);
        }
    }

    private static StateException ioFailure(String summary, Path file, IOException cause)
    {
        return new StateException(Diagnostic.errorWithoutSource(summary, "%s: %s".formatted(file, cause)), cause);
    }
}
