package dev.kiln.executors.apply;

import dev.kiln.executors.walk.Outcome;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.state.journal.FoldResult;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;

import static java.util.Objects.requireNonNull;

/**
 * What an apply did: the prior state with every recorded result folded in (not yet written),
 * how each change ended (no-ops left out), the errors to show (each naming the address and
 * the step), the counts of what was done, and the walk's wall time.
 */
public record ApplyResult(
        FoldResult folded,
        SequencedMap<ResourceAddress, Outcome<ResourceAddress, ApplyResponse>> outcomes,
        List<Diagnostic> diagnostics,
        ApplyCounts counts,
        Duration makespan)
{
    public ApplyResult
    {
        requireNonNull(folded, "folded is null");
        outcomes = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(requireNonNull(outcomes, "outcomes is null")));
        diagnostics = List.copyOf(diagnostics);
        requireNonNull(counts, "counts is null");
        requireNonNull(makespan, "makespan is null");
    }

    public boolean succeeded()
    {
        return diagnostics.stream().noneMatch(Diagnostic::isError)
                && outcomes.values().stream().allMatch(Outcome.Succeeded.class::isInstance);
    }

    /** {@code Apply complete! Resources: 3 added, 1 changed, 0 destroyed.}: what actually happened. */
    public record ApplyCounts(int added, int changed, int destroyed)
    {
        public String sentence()
        {
            return "Resources: %d added, %d changed, %d destroyed.".formatted(added, changed, destroyed);
        }
    }
}
