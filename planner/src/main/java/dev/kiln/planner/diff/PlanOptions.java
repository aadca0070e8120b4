package dev.kiln.planner.diff;

import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.planner.plan.PlanMode;

import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * How to plan: {@code mode} ({@code -destroy}), {@code targets} ({@code -target}: only these
 * and what they depend on; in a destroy plan, these and what depends on them), {@code replace}
 * ({@code -replace}: replace these even if unchanged) and {@code refresh}
 * ({@code -refresh=false} turns it off).
 */
public record PlanOptions(PlanMode mode, SortedSet<ResourceAddress> targets, SortedSet<ResourceAddress> replace, boolean refresh)
{
    public static final PlanOptions DEFAULT = new PlanOptions(PlanMode.NORMAL, new TreeSet<>(), new TreeSet<>(), true);

    public PlanOptions
    {
        requireNonNull(mode, "mode is null");
        targets = Collections.unmodifiableSortedSet(new TreeSet<>(requireNonNull(targets, "targets is null")));
        replace = Collections.unmodifiableSortedSet(new TreeSet<>(requireNonNull(replace, "replace is null")));
    }

    public PlanOptions withMode(PlanMode newMode)
    {
        return new PlanOptions(newMode, targets, replace, refresh);
    }

    public PlanOptions withTargets(Set<ResourceAddress> newTargets)
    {
        return new PlanOptions(mode, new TreeSet<>(newTargets), replace, refresh);
    }

    public PlanOptions withReplace(Set<ResourceAddress> newReplace)
    {
        return new PlanOptions(mode, targets, new TreeSet<>(newReplace), refresh);
    }

    public PlanOptions withRefresh(boolean newRefresh)
    {
        return new PlanOptions(mode, targets, replace, newRefresh);
    }
}
