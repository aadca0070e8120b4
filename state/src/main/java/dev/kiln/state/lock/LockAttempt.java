package dev.kiln.state.lock;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** The answer to one try for a lock: acquired, or held by someone (named when known). */
public sealed interface LockAttempt
{
    record Acquired(LockHandle handle)
            implements LockAttempt
    {
        public Acquired
        {
            requireNonNull(handle, "handle is null");
        }
    }

    /** {@code holder} is empty when the holder's info could not be read (it is being written, or lost). */
    record Held(Optional<LockInfo> holder)
            implements LockAttempt
    {
        public Held
        {
            requireNonNull(holder, "holder is null");
        }
    }
}
