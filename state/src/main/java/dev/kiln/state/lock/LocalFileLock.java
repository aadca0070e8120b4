package dev.kiln.state.lock;

import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.state.AtomicFiles;
import dev.kiln.state.MalformedDocumentException;
import dev.kiln.state.StateException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

import static java.util.Objects.requireNonNull;

/**
 * A state lock on the local file system: an operating-system lock on {@code lockFile}
 * ({@link FileChannel#tryLock()}), which the kernel releases when the holding process dies,
 * so a killed run never strands the next one; beside it {@code lockFile.info}, the holder's
 * {@link LockInfo} as JSON, for error messages. The lock file itself is never deleted, so
 * every process locks the same file. Locks held by this JVM are tracked here too, because
 * the operating system does not arbitrate between channels of one process.
 */
public final class LocalFileLock
{
    private static final ReentrantLock GUARD = new ReentrantLock();
    private static final Map<Path, HeldLock> HELD_IN_THIS_PROCESS = new HashMap<>();

    private final Path lockFile;
    private final Path infoFile;
    private final Clock clock;

    public LocalFileLock(Path lockFile, Clock clock)
    {
        this.lockFile = requireNonNull(lockFile, "lockFile is null").toAbsolutePath().normalize();
        this.infoFile = this.lockFile.resolveSibling(this.lockFile.getFileName() + ".info");
        this.clock = requireNonNull(clock, "clock is null");
    }

    public Path lockFile()
    {
        return lockFile;
    }

    public Path infoFile()
    {
        return infoFile;
    }

    public LockAttempt tryLock(LockRequest request)
    {
        requireNonNull(request, "request is null");
        GUARD.lock();
        try {
            HeldLock held = HELD_IN_THIS_PROCESS.get(lockFile);
            if (held != null) {
                return new LockAttempt.Held(Optional.of(held.info()));
            }
            Optional<OperatingSystemLock> acquired = acquireOperatingSystemLock();
            if (acquired.isEmpty()) {
                return new LockAttempt.Held(readInfo());
            }
            LockInfo info = LockInfo.grant(request, clock.instant());
            HeldLock lock = new HeldLock(info, acquired.get());
            try {
                AtomicFiles.write(infoFile, info.toJson().getBytes(StandardCharsets.UTF_8));
            }
            catch (IOException e) {
                lock.lock().release();
                throw failure("Error acquiring the state lock", e);
            }
            HELD_IN_THIS_PROCESS.put(lockFile, lock);
            return new LockAttempt.Acquired(new LockHandle(info));
        }
        catch (IOException e) {
            throw failure("Error acquiring the state lock", e);
        }
        finally {
            GUARD.unlock();
        }
    }

    /** Whether {@code handle} is the lock this process holds on this file now. */
    public boolean isHeldBy(LockHandle handle)
    {
        requireNonNull(handle, "handle is null");
        GUARD.lock();
        try {
            HeldLock held = HELD_IN_THIS_PROCESS.get(lockFile);
            return held != null && held.info().id().equals(handle.id());
        }
        finally {
            GUARD.unlock();
        }
    }

    public void unlock(LockHandle handle)
    {
        requireNonNull(handle, "handle is null");
        release(handle.id().toString());
    }

    /**
     * Releases the lock with this id whoever took it in this process, or clears the info a dead
     * process left behind. A lock held by a running process cannot be taken from it: the
     * kernel holds it until that process ends, and the error says so.
     */
    public void forceUnlock(String lockId)
    {
        release(requireNonNull(lockId, "lockId is null"));
    }

    private void release(String lockId)
    {
        GUARD.lock();
        try {
            HeldLock held = HELD_IN_THIS_PROCESS.get(lockFile);
            if (held != null) {
                requireMatchingId(lockId, held.info());
                HELD_IN_THIS_PROCESS.remove(lockFile);
                Files.deleteIfExists(infoFile);
                held.lock().release();
                return;
            }
            releaseLeftOver(lockId);
        }
        catch (IOException e) {
            throw failure("Failed to unlock the state", e);
        }
        finally {
            GUARD.unlock();
        }
    }

    private void releaseLeftOver(String lockId)
            throws IOException
    {
        Optional<OperatingSystemLock> acquired = acquireOperatingSystemLock();
        Optional<LockInfo> info = readInfo();
        if (acquired.isEmpty()) {
            String holder = info.map(running -> " (pid %d, %s, %s)".formatted(running.pid(), running.who(), running.operation())).orElse("");
            throw StateException.error("Failed to unlock the state",
                    "The state lock %s is held by a running process%s. The operating system releases it when that process ends; stop it, or wait for it to finish."
                            .formatted(lockFile, holder));
        }
        try {
            if (info.isEmpty()) {
                throw StateException.error("Failed to unlock the state", "The state at %s is not locked (lock ID \"%s\").".formatted(lockFile, lockId));
            }
            requireMatchingId(lockId, info.get());
            Files.deleteIfExists(infoFile);
        }
        finally {
            acquired.get().release();
        }
    }

    private static void requireMatchingId(String lockId, LockInfo holder)
    {
        if (!holder.id().toString().equals(lockId)) {
            throw StateException.error("Failed to unlock the state", "Lock ID \"%s\" does not match the held lock.\n\n%s"
                    .formatted(lockId, holder.describe()));
        }
    }

    private Optional<OperatingSystemLock> acquireOperatingSystemLock()
            throws IOException
    {
        AtomicFiles.createPrivateFile(lockFile);
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        }
        catch (OverlappingFileLockException e) {
            channel.close();
            return Optional.empty();
        }
        catch (IOException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            return Optional.empty();
        }
        return Optional.of(new OperatingSystemLock(channel, lock));
    }

    private Optional<LockInfo> readInfo()
    {
        try {
            return Optional.of(LockInfo.parse(Files.readString(infoFile, StandardCharsets.UTF_8), infoFile.toString()));
        }
        catch (NoSuchFileException | MalformedDocumentException e) {
            return Optional.empty();
        }
        catch (IOException e) {
            throw failure("Error acquiring the state lock", e);
        }
    }

    private StateException failure(String summary, IOException cause)
    {
        return new StateException(Diagnostic.errorWithoutSource(summary,
                "Could not use the lock file %s: %s".formatted(lockFile, cause.getMessage())), cause);
    }

    private record HeldLock(LockInfo info, OperatingSystemLock lock) {}

    private record OperatingSystemLock(FileChannel channel, FileLock lock)
    {
        void release()
                throws IOException
        {
            try {
                lock.release();
            }
            finally {
                channel.close();
            }
        }
    }
}
