package dev.kiln.planner.plan;

import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.value.Value;

import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * A computed plan: data only, rendered elsewhere. {@code changes} hold every resource
 * instance considered (no-ops included), ordered by address; {@code drift} the changes made
 * outside of Kiln that refresh found; {@code targets} the {@code -target} addresses (empty:
 * no targeting); {@code warnings} such as "Resource targeting is in effect"; the prior
 * state's lineage and serial, the configuration's hash and the variables' values bind the
 * plan to what it was made from.
 */
public record Plan(
        PlanMode mode,
        List<ResourceChange> changes,
        List<OutputChange> outputChanges,
        List<ResourceChange> drift,
        SortedSet<ResourceAddress> targets,
        List<Diagnostic> warnings,
        PriorState priorState,
        String configHash,
        SortedMap<String, Value> variables)
{
    public Plan
    {
        requireNonNull(mode, "mode is null");
        changes = changes.stream().sorted(Comparator.comparing(ResourceChange::address)).toList();
        outputChanges = outputChanges.stream().sorted(Comparator.comparing(OutputChange::name)).toList();
        drift = drift.stream().sorted(Comparator.comparing(ResourceChange::address)).toList();
        targets = Collections.unmodifiableSortedSet(new TreeSet<>(targets));
        warnings = List.copyOf(warnings);
        requireNonNull(priorState, "priorState is null");
        requireNonNull(configHash, "configHash is null");
        variables = Collections.unmodifiableSortedMap(new TreeMap<>(variables));
    }

    /** Whether applying the plan would change any resource instance or output. */
    public boolean hasChanges()
    {
        return changes.stream().anyMatch(change -> change.action().isChange())
                || outputChanges.stream().anyMatch(change -> change.action().isChange());
    }

    public PlanSummary summary()
    {
        return PlanSummary.of(changes);
    }
}
