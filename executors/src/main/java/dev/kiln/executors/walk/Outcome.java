package dev.kiln.executors.walk;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/** How one work item ended. Every item of a walk gets exactly one outcome. */
public sealed interface Outcome<K, V>
{
    /** The action returned {@code value} ({@code null} for an {@code Action<Void>}). */
    record Succeeded<K, V>(V value, Duration duration)
            implements Outcome<K, V>
    {
        public Succeeded
        {
            requireNonNull(duration, "duration is null");
        }
    }

    /** The action threw while no cancellation had been requested. */
    record Failed<K, V>(Throwable exception, Duration duration)
            implements Outcome<K, V>
    {
        public Failed
        {
            requireNonNull(exception, "exception is null");
            requireNonNull(duration, "duration is null");
        }
    }

    /**
     * Never started because something it depends on, directly or not, failed. {@code becauseOf}
     * is the first (in start order) failed item among its ancestors, so it does not depend on
     * timing.
     */
    record Skipped<K, V>(K becauseOf)
            implements Outcome<K, V>
    {
        public Skipped
        {
            requireNonNull(becauseOf, "becauseOf is null");
        }
    }

    /**
     * The action was running when the walk was cancelled and ended by throwing ({@code exception},
     * often an {@link InterruptedException} or a {@link java.util.concurrent.CancellationException}).
     * An action that returned normally despite the cancellation {@link Succeeded}.
     */
    record Cancelled<K, V>(Duration duration, Throwable exception)
            implements Outcome<K, V>
    {
        public Cancelled
        {
            requireNonNull(duration, "duration is null");
            requireNonNull(exception, "exception is null");
        }
    }

    /**
     * Never started, and no ancestor failed: the walk was stopped, cancelled or failed fast
     * before it was its turn, or something it depends on was cancelled or never started.
     */
    record NotStarted<K, V>()
            implements Outcome<K, V> {}
}
