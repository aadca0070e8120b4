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

    /** Takes one unit of every bound when all have room, else nothing. */
    boolean tryAcquire(int[] bounds)
    {
        for (int bound : bounds) {
            if (inUse[bound] >= limits[bound]) {
                return false;
            }
        }
        for (int bound : bounds) {
            inUse[bound]++;
        }
        return true;
    }

    void release(int[] bounds)
    {
        for (int bound : bounds) {
            if (inUse[bound] == 0) {
                throw new IllegalStateException("bound released more often than acquired");
            }
            inUse[bound]--;
        }
    }
}
