package dev.kiln.cli;

import dev.kiln.executors.apply.RefreshedState;
import dev.kiln.lang.config.VariableInputs;
import dev.kiln.planner.plan.PlanMode;
import dev.kiln.state.State;
import dev.kiln.state.backend.WriteResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;

import static java.util.Objects.requireNonNull;

@Command(name = "refresh",
        description = {"Read every recorded object again and record what was found, changing nothing in the world.",
                "Objects changed outside of Kiln take their observed attributes; objects found gone are forgotten."})
final class RefreshCommand
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
    private LockOptions lockOptions;

    RefreshCommand(Invocation invocation)
    {
        this.invocation = requireNonNull(invocation, "invocation is null");
    }

    @Override
    public Integer call()
            throws IOException
    {
        Workspace workspace = new Workspace(invocation, kiln.workingDirectory(spec));
        VariableInputs inputs = variables.inputs(invocation, workspace.directory());
        workspace.useVariables(inputs);
        if (!workspace.configurationLoadsBeforeFirstState(inputs) || !ConfiguredEncryption.configure(workspace, inputs)) {
            return ExitCodes.ERROR;
        }
        try (StateSession session = StateSession.open(workspace, "refresh", lockOptions.lockTimeout)) {
            Optional<PlanStep.Planned> planned = PlanStep.plan(workspace, session, inputs, new PlanFlags(), PlanMode.NORMAL);
            if (planned.isEmpty()) {
                return ExitCodes.ERROR;
            }
            State refreshed = RefreshedState.of(session.state(), planned.get().plan(), Instant.now());
            WriteResult written = session.commit(refreshed);
            int drifted = planned.get().plan().drift().size();
            invocation.out().println(drifted == 0
                    ? "No objects have changed outside of Kiln."
                    : drifted + " object(s) changed outside of Kiln; the state now records what was found: " + String.join(", ",
                            planned.get().plan().drift().stream().map(change -> change.address().toString()).toList()) + ".");
            invocation.out().println("State serial: " + written.state().serial() + ".");
            return ExitCodes.OK;
        }
    }
}
