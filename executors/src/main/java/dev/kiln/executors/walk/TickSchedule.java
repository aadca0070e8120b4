package dev.kiln.executors.walk;

import java.time.Duration;
import java.util.PriorityQueue;
import java.util.function.IntPredicate;

/**
 * The still-running ticks of every running item in one queue, read by the coordinating thread
 * between events: no timer thread per item. A tick missed because the coordinator was busy is
 * not repeated; the next one falls on the next whole interval.
 */
final class TickSchedule
{
    private final long intervalNanos;
    private final PriorityQueue<Tick> ticks = new PriorityQueue<>();

    TickSchedule(Duration interval)
    {
        this.intervalNanos = interval.toNanos();
    }

    interface TickListener
    {
        void tick(int index, Duration elapsed);
    }

    void add(int index, long startNanos)
    {
        ticks.add(new Tick(startNanos + intervalNanos, index, 1, startNanos));
    }

    /** Nanoseconds until the next tick is due, zero when one is overdue; {@code Long.MAX_VALUE} when none is scheduled. */
    long nanosUntilNext(long nowNanos)
    {
        Tick next = ticks.peek();
        return next == null ? Long.MAX_VALUE : Math.max(0, next.dueNanos - nowNanos);
    }

    /** Fires every due tick of an item {@code running} still accepts, and schedules its next one. */
    void fireDue(long nowNanos, IntPredicate running, TickListener listener)
    {
        while (!ticks.isEmpty() && ticks.peek().dueNanos - nowNanos <= 0) {
            Tick tick = ticks.poll();
            if (!running.test(tick.index)) {
                continue;
            }
            listener.tick(tick.index, Duration.ofNanos(tick.count * intervalNanos));
            long count = Math.max(tick.count + 1, (nowNanos - tick.startNanos) / intervalNanos + 1);
            ticks.add(new Tick(tick.startNanos + count * intervalNanos, tick.index, count, tick.startNanos));
        }
    }

    private record Tick(long dueNanos, int index, long count, long startNanos)
            implements Comparable<Tick>
    {
        @Override
        public int compareTo(Tick other)
        {
            int byDue = Long.compare(dueNanos - other.dueNanos, 0);
            return byDue != 0 ? byDue : Integer.compare(index, other.index);
        }
    }
}
