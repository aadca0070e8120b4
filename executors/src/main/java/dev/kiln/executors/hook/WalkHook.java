package dev.kiln.executors.hook;

import dev.kiln.executors.walk.Outcome;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * Receives a walk's progress; views render it (text, JSON lines, logs), nothing here prints.
 *
 * <p>Threads: {@link #started}, {@link #stillRunning} and {@link #finished} are called from the
 * walk's coordinating thread, one at a time; {@link #progress} from the thread of the action
 * that reports it, so calls for different items can overlap and a hook must be thread-safe.
 * For one item the calls are ordered: {@code started}, then any {@code progress} and
 * {@code stillRunning}, then exactly one {@code finished}. Items that never start get only
 * {@code finished} (skipped, not started). Hooks should return quickly: a slow hook delays
 * the walk. An exception from a hook is caught, the walk goes on, and the first one is
 * reported in the walk's result.
 */
public interface WalkHook<K>
{
    default void started(K id) {}

    default void progress(K id, String message) {}

    /** {@code elapsed} is a whole multiple of the walk's still-running interval. */
    default void stillRunning(K id, Duration elapsed) {}

    default void finished(K id, Outcome<K, ?> outcome) {}

    static <K> WalkHook<K> none()
    {
        return new WalkHook<>() {};
    }

    /** Turns each call into a {@link WalkEvent} for {@code consumer} (JSON-lines views, tests). */
    static <K> WalkHook<K> events(Consumer<? super WalkEvent<K>> consumer)
    {
        requireNonNull(consumer, "consumer is null");
        return new EventHook<>(consumer);
    }

    /** Calls every hook in order; all are called even when one throws, then the first exception is rethrown. */
    static <K> WalkHook<K> all(List<? extends WalkHook<K>> hooks)
    {
        return new CompositeHook<>(hooks);
    }
}
