package dev.kiln.planner.planfile;

import dev.kiln.planner.plan.Plan;

import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * A plan read back from a plan file, with the Kiln version that wrote it. Sensitive values
 * were not saved: {@code sensitiveVariables} names the variables that must be given again
 * when the plan is applied, and sensitive attribute values read back as unknown.
 */
public record SavedPlan(Plan plan, String kilnVersion, SortedSet<String> sensitiveVariables)
{
    public SavedPlan
    {
        requireNonNull(plan, "plan is null");
        requireNonNull(kilnVersion, "kilnVersion is null");
        sensitiveVariables = Collections.unmodifiableSortedSet(new TreeSet<>(sensitiveVariables));
    }
}
