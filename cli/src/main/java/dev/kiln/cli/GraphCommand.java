package dev.kiln.cli;

import dev.kiln.lang.config.VariableInputs;
import dev.kiln.planner.diff.PlanOptions;
import dev.kiln.planner.diff.PlanResult;
import dev.kiln.planner.render.DotRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Callable;

import static java.util.Objects.requireNonNull;

@Command(name = "graph",
        description = {"Print the plan's dependency graph in DOT (render it with Graphviz: kiln graph | dot -Tsvg > graph.svg).",
                "Plans from the recorded state without reading the objects again."})
final class GraphCommand
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

    GraphCommand(Invocation invocation)
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
        if (!ConfiguredEncryption.configure(workspace, inputs)) {
            return ExitCodes.ERROR;
        }
        Optional<Planning> planning = Planning.load(workspace, inputs, workspace.readState());
        if (planning.isEmpty()) {
            return ExitCodes.ERROR;
        }
        PlanResult result = planning.get().plan(PlanOptions.DEFAULT.withRefresh(false));
        workspace.show(result.diagnostics(), planning.get().sources());
        if (result.graph().isEmpty()) {
            return ExitCodes.ERROR;
        }
        invocation.out().print(DotRenderer.render(result.graph().get(), result.plan()));
        return ExitCodes.OK;
    }
}
