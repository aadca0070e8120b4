package dev.kiln.state.backend;

import dev.kiln.state.State;
import dev.kiln.state.encryption.KeyUse;
import dev.kiln.state.lock.LockAttempt;
import dev.kiln.state.lock.LockHandle;
import dev.kiln.state.lock.LockRequest;
import dev.kiln.state.lock.LockRetry;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where a state lives (a local file, an S3 object) and how it is locked. Every backend passes
 * the same contract suite ({@code BackendContractTest}): writes follow {@link WriteRules}
 * (same lineage, no older serial, serial bumped only when content changes) and require the
 * lock; one lock holder at a time; every changing write is kept in the history.
 * Failures are {@link dev.kiln.state.StateException}s carrying the diagnostic to show.
 */
public interface Backend
{
    /** Where the state is, for messages: a path or a URL. */
    String location();

    /** The stored state, or empty when none was ever written. */
    Optional<StateSnapshot> read();

    /** Stores {@code state} if its content changed, under the lock {@code lock} must hold. */
    WriteResult write(State state, LockHandle lock);

    /**
     * Writes the stored state again, unchanged (same serial), when it is not sealed with the
     * configured primary key: encryption was just turned on, or the key was rotated and the
     * state is still under the fallback key. Returns how it was stored before, or empty when
     * nothing needed doing. Requires the lock. A backend without encryption has nothing to do.
     */
    default Optional<KeyUse> resealStored(LockHandle lock)
    {
        return Optional.empty();
    }

    /** One try for the lock, without waiting. */
    LockAttempt tryLock(LockRequest request);

    /** Takes the lock, retrying with backoff for up to {@code timeout}, or throws {@link dev.kiln.state.lock.LockHeldException} naming the holder. */
    default LockHandle lock(LockRequest request, Duration timeout)
    {
        return LockRetry.DEFAULT.acquire(this::tryLock, request, timeout, location());
    }

    /** Releases a lock this caller holds; refused when {@code lock} is not the current lock. */
    void unlock(LockHandle lock);

    /** Releases the lock with this id whoever holds it (the CLI asks for confirmation first). */
    void forceUnlock(String lockId);

    /** Versions written, newest first (bounded by the backend's retention). */
    List<HistoryEntry> history();

    /** One version from {@link #history()}, or empty when it is no longer kept. */
    Optional<StateSnapshot> readHistory(String id);
}
