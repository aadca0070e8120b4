package dev.kiln.providers.sim;

import dev.kiln.executors.walk.ActionContext;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;

import static java.util.Objects.requireNonNull;

/**
 * Lets simulated operations take time: an operation's realistic duration divided by
 * {@code speed}, slept in short slices so a cancelled action stops within a fraction of a
 * second; a hanging operation sleeps until cancelled.
 */
final class SimulatedTime
{
    private static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final BigDecimal speed;

    SimulatedTime(BigDecimal speed)
    {
        this.speed = requireNonNull(speed, "speed is null");
    }

    long nanos(Operation operation)
    {
        BigDecimal realistic = BigDecimal.valueOf(operation.realistic().toNanos());
        return realistic.divide(speed, 0, RoundingMode.HALF_UP).longValueExact();
    }

    /** Spends the operation's time; throws {@link CancellationException} when the action is cancelled meanwhile. */
    void spend(Operation operation, ActionContext context)
    {
        sleep(nanos(operation), context);
    }

    /** Never returns normally: waits until the action is cancelled, then throws {@link CancellationException}. */
    void hang(ActionContext context)
    {
        while (true) {
            sleep(SLICE_NANOS, context);
            context.throwIfCancelled();
        }
    }

    private static void sleep(long nanos, ActionContext context)
    {
        long deadline = System.nanoTime() + nanos;
        while (true) {
            context.throwIfCancelled();
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return;
            }
            try {
                TimeUnit.NANOSECONDS.sleep(Math.min(remaining, SLICE_NANOS));
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted");
            }
        }
    }
}
