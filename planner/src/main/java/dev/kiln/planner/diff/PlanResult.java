package dev.kiln.planner.diff;

import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.planner.graph.PlanGraph;
import dev.kiln.planner.plan.Plan;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What planning gave: the plan (absent when no plan could be computed, such as for a
 * dependency cycle; present but not applicable when a change is forbidden, so it can still
 * be shown), the graph it was computed on, and every diagnostic, sorted.
 */
public record PlanResult(Optional<Plan> plan, Optional<PlanGraph> graph, List<Diagnostic> diagnostics)
{
    public PlanResult
    {
        requireNonNull(plan, "plan is null");
        requireNonNull(graph, "graph is null");
        diagnostics = diagnostics.stream().sorted().toList();
    }

    public boolean hasErrors()
    {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    /** Whether the plan may be applied: computed, and without errors. */
    public boolean applicable()
    {
        return plan.isPresent() && !hasErrors();
    }
}
