package dev.kiln.executors.walk;

import dev.kiln.executors.walk.Outcome.Succeeded;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.SequencedMap;

import static java.util.Objects.requireNonNull;

/**
 * What a walk did: one outcome per item in start order, the walk's wall time, and the first
 * exception a hook threw (later ones are not kept: a broken view is reported once).
 */
public record WalkResult<K, V>(SequencedMap<K, Outcome<K, V>> outcomes, Duration makespan, Optional<Throwable> hookFailure)
{
    public WalkResult
    {
        outcomes = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(requireNonNull(outcomes, "outcomes is null")));
        requireNonNull(makespan, "makespan is null");
        requireNonNull(hookFailure, "hookFailure is null");
    }

    public Outcome<K, V> outcome(K id)
    {
        Outcome<K, V> outcome = outcomes.get(requireNonNull(id, "id is null"));
        if (outcome == null) {
            throw new IllegalArgumentException("no item " + id + " in this walk");
        }
        return outcome;
    }

    public boolean allSucceeded()
    {
        return outcomes.values().stream().allMatch(Succeeded.class::isInstance);
    }
}
