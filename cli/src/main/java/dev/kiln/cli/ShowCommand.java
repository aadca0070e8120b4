package dev.kiln.cli;

import dev.kiln.cli.view.JsonView;
import dev.kiln.cli.view.StateView;
import dev.kiln.planner.plan.Plan;
import dev.kiln.planner.planfile.PlanFile;
import dev.kiln.planner.planfile.PlanFileResult;
import dev.kiln.planner.render.JsonRenderer;
import dev.kiln.planner.render.MarkdownRenderer;
import dev.kiln.planner.render.TextRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.util.concurrent.Callable;

import static java.util.Objects.requireNonNull;

@Command(name = "show",
        description = {
                "Show the state, or a saved plan.",
                "Without PLANFILE: the recorded resource instances and outputs (sensitive values hidden). "
                        + "With PLANFILE: the saved plan, as text, JSON (Terraform's plan format) or Markdown for a pull-request comment."
        })
final class ShowCommand
        implements Callable<Integer>
{
    private final Invocation invocation;

    @Mixin
    private HelpOption help;

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private KilnCommand kiln;

    @Option(names = {"-json", "--json"}, description = "Print JSON: Terraform's plan format for a plan, its values format for the state.")
    private boolean json;

    @Option(names = {"-format", "--format"}, paramLabel = "FORMAT", description = "text (default), json or markdown.")
    private String format = "text";

    @Parameters(index = "0", arity = "0..1", paramLabel = "PLANFILE", description = "A plan saved by kiln plan -out.")
    private String planFile;

    ShowCommand(Invocation invocation)
    {
        this.invocation = requireNonNull(invocation, "invocation is null");
    }

    @Override
    public Integer call()
            throws IOException
    {
        Workspace workspace = new Workspace(invocation, kiln.workingDirectory(spec));
        if (!ConfiguredEncryption.configure(workspace)) {
            return ExitCodes.ERROR;
        }
        String chosen = json ? "json" : format;
        if (!chosen.equals("text") && !chosen.equals("json") && !chosen.equals("markdown")) {
            throw new ParameterException(spec.commandLine(), "Invalid -format \"" + format + "\": use text, json or markdown.");
        }
        if (planFile == null) {
            if (chosen.equals("markdown")) {
                throw new ParameterException(spec.commandLine(), "-format=markdown shows a saved plan: give its PLANFILE.");
            }
            var state = workspace.readState();
            if (chosen.equals("json")) {
                JsonView.print(invocation.out(), StateView.json(state, workspace.kilnVersion()));
            }
            else {
                invocation.out().print(StateView.state(state));
            }
            return ExitCodes.OK;
        }
        PlanFileResult read = PlanFile.read(workspace.directory().resolve(planFile), workspace.encryption());
        workspace.show(read.diagnostics().stream().filter(diagnostic -> diagnostic.isError()).toList());
        if (read.plan().isEmpty()) {
            return ExitCodes.ERROR;
        }
        Plan plan = read.plan().get().plan();
        switch (chosen) {
            case "json" -> invocation.out().println(JsonRenderer.render(plan));
            case "markdown" -> invocation.out().print(MarkdownRenderer.render(plan));
            default -> invocation.out().print(TextRenderer.render(plan, workspace.planStyle()));
        }
        return ExitCodes.OK;
    }
}
