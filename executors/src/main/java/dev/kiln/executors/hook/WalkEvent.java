package dev.kiln.executors.hook;

import dev.kiln.executors.walk.Outcome;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/** One {@link WalkHook} call as data. */
public sealed interface WalkEvent<K>
{
    K id();

    record Started<K>(K id)
            implements WalkEvent<K>
    {
        public Started
        {
            requireNonNull(id, "id is null");
        }
    }

    record Progress<K>(K id, String message)
            implements WalkEvent<K>
    {
        public Progress
        {
            requireNonNull(id, "id is null");
            requireNonNull(message, "message is null");
        }
    }

    record StillRunning<K>(K id, Duration elapsed)
            implements WalkEvent<K>
    {
        public StillRunning
        {
            requireNonNull(id, "id is null");
            requireNonNull(elapsed, "elapsed is null");
        }
    }

    record Finished<K>(K id, Outcome<K, ?> outcome)
            implements WalkEvent<K>
    {
        public Finished
        {
            requireNonNull(id, "id is null");
            requireNonNull(outcome, "outcome is null");
        }
    }
}
