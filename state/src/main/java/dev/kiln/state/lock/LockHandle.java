package dev.kiln.state.lock;

import java.util.UUID;

import static java.util.Objects.requireNonNull;

/** Proof of holding a state lock: passed to writes and to unlock. */
public record LockHandle(LockInfo info)
{
    public LockHandle
    {
        requireNonNull(info, "info is null");
    }

    public UUID id()
    {
        return info.id();
    }
}
