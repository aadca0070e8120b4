package dev.kiln.executors.walk;

import java.util.List;

/** How much of each bound running items hold. Used by the coordinating thread only. */
final class BoundLedger
{
    private final int[] limits;
    private final int[] inUse;

    BoundLedger(List<Bound> bounds)
    {
        this.limits = bounds.stream().mapToInt(Bound::limit).toArray();
        this.inUse = new int[limits.length];
    }

    int size()
    {
        return limits.length;
    }

    boolean hasRoom(int bound)
    {
        return inUse[bound] < limits[bound];
    }

    /** The first of {@code bounds} that is full, or -1 when all have room. */
    int firstFull(int[] bounds)
    {
        for (int bound : bounds) {
            if (!hasRoom(bound)) {
                return bound;
            }
        }
        return -1;
    }

    void acquire(int[] bounds)
    {
        for (int bound : bounds) {
            if (!hasRoom(bound)) {
                throw new IllegalStateException("bound acquired beyond its limit");
            }
            inUse[bound]++;
        }
    }

    void release(int bound)
    {
        if (inUse[bound] == 0) {
            throw new IllegalStateException("bound released more often than acquired");
        }
        inUse[bound]--;
    }
}
