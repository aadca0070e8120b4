package dev.kiln.executors.walk;

import java.util.concurrent.atomic.AtomicInteger;

/** Counts how many callers are inside at once and remembers the most ever seen. */
final class ConcurrencyGauge
{
    private final AtomicInteger current = new AtomicInteger();
    private final AtomicInteger maximum = new AtomicInteger();

    void enter()
    {
        int now = current.incrementAndGet();
        maximum.accumulateAndGet(now, Math::max);
    }

    void exit()
    {
        current.decrementAndGet();
    }

    int maximum()
    {
        return maximum.get();
    }
}
