package dev.kiln.planner.planfile;

import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.planner.plan.PriorState;
import dev.kiln.state.State;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Whether a saved plan may be applied to the current state and configuration: the state
 * must be the one the plan was made from (same lineage) at the same version (same serial),
 * the configuration unchanged, and every sensitive variable given again.
 */
public final class PlanFileCheck
{
    private PlanFileCheck() {}

    public static List<Diagnostic> check(SavedPlan saved, State current, String configHash, Set<String> givenVariables)
    {
        requireNonNull(saved, "saved is null");
        requireNonNull(current, "current is null");
        requireNonNull(configHash, "configHash is null");
        requireNonNull(givenVariables, "givenVariables is null");
        List<Diagnostic> diagnostics = new ArrayList<>();
        PriorState prior = saved.plan().priorState();
        if (!prior.lineage().equals(current.lineage())) {
            diagnostics.add(Diagnostic.errorWithoutSource(
                    "Saved plan is for a different state",
                    "The plan was made for the state with lineage " + prior.lineage() + ", but the current state has lineage " + current.lineage()
                            + ": it is another state, so the plan cannot apply to it. Check the backend settings, or make a new plan."));
        }
        else if (prior.serial() != current.serial()) {
            diagnostics.add(Diagnostic.errorWithoutSource(
                    "Saved plan is stale",
                    "The state has changed since the plan was made (serial " + prior.serial() + " then, " + current.serial()
                            + " now), so the plan may no longer be correct. Make a new plan and apply that."));
        }
        if (!saved.plan().configHash().equals(configHash)) {
            diagnostics.add(Diagnostic.errorWithoutSource(
                    "Saved plan does not match the configuration",
                    "The configuration files have changed since the plan was made. Make a new plan and apply that."));
        }
        for (String name : saved.sensitiveVariables()) {
            if (!givenVariables.contains(name)) {
                diagnostics.add(Diagnostic.errorWithoutSource(
                        "Sensitive variable not given",
                        "The saved plan does not hold the value of the sensitive variable \"" + name
                                + "\". Give it again (with -var, a variable file or the environment) to apply the plan."));
            }
        }
        return diagnostics;
    }
}
