package dev.kiln.cli;

import dev.kiln.lang.config.VariableInputs;
import dev.kiln.planner.plan.PlanMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Callable;

import static java.util.Objects.requireNonNull;

@Command(name = "destroy",
        description = {
                "Destroy every object Kiln manages in this configuration.",
                "Plans the destruction (dependents before what they depend on), shows it and asks for 'yes' before carrying it out."
        },
        footer = {"", "Exit status: 0 when everything was destroyed, 1 otherwise."})
final class DestroyCommand
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

    DestroyCommand(Invocation invocation)
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
        try (StateSession session = StateSession.open(workspace, "destroy", lockOptions.lockTimeout)) {
            Optional<PlanStep.Planned> planned = PlanStep.plan(workspace, session, inputs, planFlags, PlanMode.DESTROY);
            if (planned.isEmpty()) {
                return ExitCodes.ERROR;
            }
            return new ApplyOperation(workspace, session, inputs, applyFlags, json).run(planned.get().planning(), planned.get().plan(), false);
        }
    }
}
