package dev.kiln.cli;

import dev.kiln.cli.view.ActionLogFiles;
import dev.kiln.cli.view.ApplyJsonView;
import dev.kiln.cli.view.ApplyProgressView;
import dev.kiln.cli.view.OutputsView;
import dev.kiln.executors.apply.ActionLog;
import dev.kiln.executors.apply.ApplyJob;
import dev.kiln.executors.apply.ApplyOptions;
import dev.kiln.executors.apply.ApplyResult;
import dev.kiln.executors.apply.ApplyRunner;
import dev.kiln.executors.apply.FinalPlanner;
import dev.kiln.executors.apply.RefreshedState;
import dev.kiln.executors.hook.WalkHook;
import dev.kiln.executors.walk.WalkControl;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.config.VariableInputs;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.planner.graph.GraphInput;
import dev.kiln.planner.graph.PlanGraph;
import dev.kiln.planner.graph.PlanGraphBuilder;
import dev.kiln.planner.plan.Action;
import dev.kiln.planner.plan.Plan;
import dev.kiln.planner.plan.PlanMode;
import dev.kiln.planner.render.TextRenderer;
import dev.kiln.state.State;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Carries out a plan for {@code apply} and {@code destroy}, under the lock the caller holds:
 * show it, ask for approval, run it with progress on the console (or JSON lines) and in
 * per-action logs, record the outputs, write the state once and clear the journal.
 */
final class ApplyOperation
{
    private final Workspace workspace;
    private final StateSession session;
    private final VariableInputs inputs;
    private final ApplyFlags flags;
    private final boolean json;

    ApplyOperation(Workspace workspace, StateSession session, VariableInputs inputs, ApplyFlags flags, boolean json)
    {
        this.workspace = workspace;
        this.session = session;
        this.inputs = inputs;
        this.flags = flags;
        this.json = json;
    }

    /**
     * Applies {@code plan}, made from {@code state} against {@code planning}'s configuration.
     * {@code approved} skips the question (a saved plan was reviewed when it was made).
     */
    int run(Planning planning, Plan plan, boolean approved)
            throws IOException
    {
        Invocation invocation = workspace.invocation();
        String operation = plan.mode() == PlanMode.DESTROY ? "destroy" : "apply";
        if (!json) {
            invocation.out().print(TextRenderer.render(plan, workspace.planStyle()));
            invocation.out().println();
        }
        if (plan.hasChanges() && !approved && !flags.autoApprove) {
            if (!invocation.terminal()) {
                workspace.show(List.of(Diagnostic.errorWithoutSource("No terminal to confirm on",
                        "kiln %s asks for confirmation on a terminal, and standard output is not one. Review the plan and pass -auto-approve to %s without asking."
                                .formatted(operation, operation))));
                return ExitCodes.ERROR;
            }
            boolean destroy = plan.mode() == PlanMode.DESTROY;
            boolean yes = Approval.ask(invocation,
                    destroy ? "Do you really want to destroy all resources?" : "Do you want to perform these actions?",
                    destroy ? "Kiln will destroy all your managed infrastructure, as shown above. There is no undo."
                            : "Kiln will perform the actions described above.");
            if (!yes) {
                invocation.err().println("Error: " + (destroy ? "Destroy" : "Apply") + " cancelled.");
                return ExitCodes.ERROR;
            }
        }
        PlanGraph graph = PlanGraphBuilder.build(new GraphInput(planning.config(), planning.state(), plan.mode() == PlanMode.DESTROY)).graph();
        State base = RefreshedState.of(planning.state(), plan, Instant.now());
        ApplyOptions options = flags.options(configuredParallelism(planning));
        Map<ResourceAddress, Action> actions = new HashMap<>();
        plan.changes().forEach(change -> actions.put(change.address(), change.action()));
        ApplyJsonView jsonView = new ApplyJsonView(invocation.out(), actions, Clock.systemUTC());
        WalkHook<ResourceAddress> view = json ? jsonView : new ApplyProgressView(invocation.out(), actions, workspace.styles());
        ActionLogFiles logs = new ActionLogFiles(workspace.kilnDirectory().resolve("logs").resolve(session.runId()), Clock.systemUTC());
        WalkControl control = new WalkControl();
        // The handler stays until the state is saved: a Ctrl-C after the walk ended must not
        // kill the process halfway through writing the state.
        try (InterruptHandler ignored = InterruptHandler.install(control, invocation.err())) {
            FinalPlanner finalPlanner = plan.mode() == PlanMode.DESTROY ? FinalPlanner.NONE : new FinalPlanning(workspace.directory(), inputs, planning, graph);
            ApplyJob job = new ApplyJob(plan, graph, base, planning.providers().drivers(), ActionLog.journal(session.journal()), options, finalPlanner);
            ApplyResult result = ApplyRunner.apply(job, WalkHook.all(List.of(view, logs)), control);
            State recorded = RecordedOutputs.withOutputs(result.folded().state(), workspace, inputs, plan.mode());
            session.commit(recorded);
            workspace.show(result.diagnostics());
            if (json) {
                jsonView.summary(result.counts(), operation);
            }
            else {
                report(result, recorded, operation, control);
            }
            return result.succeeded() && control.request() == WalkControl.Request.NONE ? ExitCodes.OK : ExitCodes.ERROR;
        }
    }

    private void report(ApplyResult result, State recorded, String operation, WalkControl control)
    {
        Invocation invocation = workspace.invocation();
        if (control.request() != WalkControl.Request.NONE) {
            invocation.err().println("Error: " + capitalized(operation) + " interrupted. " + result.counts().sentence() + " The state was saved.");
            return;
        }
        if (!result.succeeded()) {
            invocation.err().println("Error: " + capitalized(operation) + " failed. " + result.counts().sentence()
                    + " The state records what was done; fix the errors above and run kiln " + operation + " again.");
            return;
        }
        String sentence = operation.equals("destroy") ? "Resources: " + result.counts().destroyed() + " destroyed." : result.counts().sentence();
        invocation.out().println(workspace.styles().green(workspace.styles().bold(capitalized(operation) + " complete! " + sentence)));
        if (!recorded.outputs().isEmpty()) {
            invocation.out().println();
            invocation.out().println(workspace.styles().green(workspace.styles().bold("Outputs:")));
            invocation.out().println();
            OutputsView.render(invocation.out(), recorded.outputs());
        }
    }

    private static int configuredParallelism(Planning planning)
    {
        return planning.config().model().kiln()
                .flatMap(kiln -> kiln.parallelism().known())
                .orElse(ApplyOptions.defaults().parallelism());
    }

    private static String capitalized(String operation)
    {
        return Character.toUpperCase(operation.charAt(0)) + operation.substring(1);
    }
}
