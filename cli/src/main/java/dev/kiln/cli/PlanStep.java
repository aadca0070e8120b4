package dev.kiln.cli;

import dev.kiln.executors.apply.RefreshedState;
import dev.kiln.lang.config.VariableInputs;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;
import dev.kiln.planner.diff.PlanOptions;
import dev.kiln.planner.diff.PlanResult;
import dev.kiln.planner.plan.Plan;
import dev.kiln.planner.plan.PlanMode;
import dev.kiln.state.State;

import java.time.Instant;
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
        Optional<Planning> planning = Planning.load(workspace, inputs, session.state(), session);
        if (planning.isEmpty()) {
            return Optional.empty();
        }
        PlanResult result = planning.get().plan(options.get());
        workspace.show(result.diagnostics(), planning.get().sources());
        if (!result.applicable()) {
            return Optional.empty();
        }
        Plan plan = result.plan().orElseThrow();
        if (plan.drift().isEmpty()) {
            return Optional.of(new Planned(planning.get(), plan));
        }
        return replanOnRefreshed(workspace, session, inputs, planning.get(), plan, options.get());
    }

    /**
     * Refresh found objects changed outside of Kiln (or read again the ones an interrupted run
     * left unreconciled): evaluate the configuration once more against what was found, as
     * Terraform does, so references see the real values, and plan from there. The plan keeps
     * the drift the first pass found.
     */
    private static Optional<Planned> replanOnRefreshed(Workspace workspace, StateSession session, VariableInputs inputs, Planning first, Plan firstPlan, PlanOptions options)
    {
        State refreshed = RefreshedState.of(first.state(), firstPlan, Instant.now());
        Optional<Planning> planning = Planning.load(workspace, inputs, refreshed, false, Optional.of(session.runId()));
        if (planning.isEmpty()) {
            return Optional.empty();
        }
        PlanResult result = planning.get().plan(options.withRefresh(false));
        workspace.show(result.diagnostics().stream().filter(Diagnostic::isError).toList(), planning.get().sources());
        if (!result.applicable()) {
            return Optional.empty();
        }
        Plan second = result.plan().orElseThrow();
        Plan plan = new Plan(second.mode(), second.changes(), second.outputChanges(), firstPlan.drift(), second.targets(), second.warnings(),
                second.priorState(), second.configHash(), second.variables());
        return Optional.of(new Planned(planning.get(), plan));
    }
}
