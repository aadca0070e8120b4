package dev.kiln.cli;

import dev.kiln.lang.config.VariableInputs;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.planner.diff.PlanOptions;
import dev.kiln.planner.diff.PlanResult;
import dev.kiln.planner.plan.Plan;
import dev.kiln.planner.plan.PlanMode;
import dev.kiln.planner.planfile.PlanFile;
import dev.kiln.planner.planfile.PlanFileCheck;
import dev.kiln.planner.planfile.PlanFileResult;
import dev.kiln.planner.planfile.SavedPlan;
import dev.kiln.planner.planfile.SensitiveRefill;
import dev.kiln.lang.config.Variable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

@Command(name = "apply",
        description = {
                "Make the changes a plan describes.",
                "Without PLANFILE: plans (as kiln plan does), shows the plan and asks for 'yes' before applying it. "
                        + "With PLANFILE (from kiln plan -out): applies exactly the saved changes, if the state has not moved since."
        },
        footer = {"", "Exit status: 0 when every change was made, 1 otherwise."})
final class ApplyCommand
        implements Callable<Integer>
{
    private final Invocation invocation;

    @Mixin
    private HelpOption help;

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private KilnCommand kiln;

    @Mixin
    private VariableOptions variables;

    @Mixin
    private PlanFlags planFlags;

    @Mixin
    private LockOptions lockOptions;

    @Mixin
    private ApplyFlags applyFlags;

    @Option(names = {"-json", "--json"}, description = "Print progress as one JSON event per line.")
    private boolean json;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PLANFILE", description = "A plan saved by kiln plan -out.")
    private String planFile;

    ApplyCommand(Invocation invocation)
    {
        this.invocation = requireNonNull(invocation, "invocation is null");
    }

    @Override
    public Integer call()
            throws IOException
    {
        Workspace workspace = new Workspace(invocation, kiln.workingDirectory(spec), json);
        VariableInputs inputs = variables.inputs(invocation, workspace.directory());
        workspace.useVariables(inputs);
        if (!workspace.configurationLoadsBeforeFirstState(inputs) || !ConfiguredEncryption.configure(workspace, inputs)) {
            return ExitCodes.ERROR;
        }
        try (StateSession session = StateSession.open(workspace, "apply", lockOptions.lockTimeout)) {
            if (planFile != null) {
                return applySaved(workspace, session, inputs);
            }
            ApplyOperation operation = new ApplyOperation(workspace, session, inputs, applyFlags, json);
            Optional<PlanStep.Planned> planned = PlanStep.plan(workspace, session, inputs, planFlags, PlanMode.NORMAL);
            if (planned.isEmpty()) {
                return ExitCodes.ERROR;
            }
            return operation.run(planned.get().planning(), planned.get().plan(), false);
        }
    }

    /** Applies the saved plan exactly, after checking under the lock that the state and configuration are still the ones it was made for. */
    private int applySaved(Workspace workspace, StateSession session, VariableInputs userInputs)
            throws IOException
    {
        workspace.show(session.recoveryDiagnostics());
        PlanFileResult read = PlanFile.read(workspace.directory().resolve(planFile), workspace.encryption());
        workspace.show(read.diagnostics());
        if (read.hasErrors() || read.plan().isEmpty()) {
            return ExitCodes.ERROR;
        }
        SavedPlan saved = read.plan().get();
        VariableInputs inputs = SavedVariables.under(userInputs, saved);
        Optional<Planning> planning = Planning.load(workspace, inputs, session.state(), session);
        if (planning.isEmpty()) {
            return ExitCodes.ERROR;
        }
        Set<String> given = planning.get().config().variables().values().stream()
                .filter(variable -> !variable.value().isNull())
                .map(Variable::name)
                .collect(Collectors.toSet());
        List<Diagnostic> problems = PlanFileCheck.check(saved, session.state(), planning.get().config().sourceHash(), given);
        workspace.show(problems);
        if (problems.stream().anyMatch(Diagnostic::isError)) {
            return ExitCodes.ERROR;
        }
        Optional<Plan> plan = withSensitiveValues(workspace, planning.get(), saved.plan());
        if (plan.isEmpty()) {
            return ExitCodes.ERROR;
        }
        return new ApplyOperation(workspace, session, inputs, applyFlags, json).run(planning.get(), plan.get(), true);
    }

    /**
     * The saved plan with its sensitive values, which a plan file that is not encrypted leaves
     * out: the configuration is planned again (without refresh, on the state the plan was made
     * for, with the same variables) and the sensitive parts of each change come from there.
     */
    private static Optional<Plan> withSensitiveValues(Workspace workspace, Planning planning, Plan saved)
    {
        if (!SensitiveRefill.needed(saved)) {
            return Optional.of(saved);
        }
        PlanOptions options = PlanOptions.DEFAULT.withMode(saved.mode()).withTargets(saved.targets()).withRefresh(false);
        PlanResult fresh = planning.plan(options);
        if (!fresh.applicable() || fresh.plan().isEmpty()) {
            workspace.show(fresh.diagnostics().stream().filter(Diagnostic::isError).toList(), planning.sources());
            return Optional.empty();
        }
        return Optional.of(SensitiveRefill.refill(saved, fresh.plan().get()));
    }
}
