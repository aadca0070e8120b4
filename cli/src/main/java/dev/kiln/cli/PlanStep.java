package dev.kiln.cli;

import dev.kiln.lang.config.VariableInputs;
import dev.kiln.lang.diag.Diagnostics;
import dev.kiln.planner.diff.PlanOptions;
import dev.kiln.planner.diff.PlanResult;
import dev.kiln.planner.plan.Plan;
import dev.kiln.planner.plan.PlanMode;

import java.util.Optional;

/** Plans under a held lock: recovery warnings, configuration, plan, and every diagnostic shown. */
final class PlanStep
{
    record Planned(Planning planning, Plan plan) {}

    private PlanStep() {}

    /** The plan, or empty when loading or planning reported errors (already shown). */
    static Optional<Planned> plan(Workspace workspace, StateSession session, VariableInputs inputs, PlanFlags flags, PlanMode mode)
    {
        workspace.show(session.recoveryDiagnostics());
        Diagnostics diagnostics = new Diagnostics();
        Optional<PlanOptions> options = flags.options(mode, diagnostics);
        if (options.isEmpty()) {
            workspace.show(diagnostics.toList());
            return Optional.empty();
        }
        Optional<Planning> planning = Planning.load(workspace, inputs, session.state());
        if (planning.isEmpty()) {
            return Optional.empty();
        }
        PlanResult result = planning.get().plan(options.get());
        workspace.show(result.diagnostics(), planning.get().sources());
        if (!result.applicable()) {
            return Optional.empty();
        }
        return Optional.of(new Planned(planning.get(), result.plan().orElseThrow()));
    }
}
