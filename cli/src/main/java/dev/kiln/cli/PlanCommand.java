package dev.kiln.cli;

import dev.kiln.lang.config.VariableInputs;
import dev.kiln.planner.plan.Plan;
import dev.kiln.planner.planfile.PlanFile;
import dev.kiln.planner.plan.PlanMode;
import dev.kiln.planner.render.JsonRenderer;
import dev.kiln.planner.render.TextRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import static java.util.Objects.requireNonNull;

@Command(name = "plan",
        description = {
                "Show what apply would change.",
                "Reads every recorded object again (unless -refresh=false), compares the world with the configuration, "
                        + "and prints the changes. Saves them with -out=FILE for kiln apply FILE."
        },
        footer = {"", "Exit status: 0 success (with -detailed-exitcode: no changes), 1 error, 2 changes present (with -detailed-exitcode)."})
final class PlanCommand
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

    @Option(names = {"-out", "--out"}, paramLabel = "FILE", description = "Save the plan to FILE, to apply exactly it later.")
    private String out;

    @Option(names = {"-destroy", "--destroy"}, description = "Plan to destroy every recorded object.")
    private boolean destroy;

    @Option(names = {"-detailed-exitcode", "--detailed-exitcode"}, description = "Exit with 2 when the plan has changes, 0 when it has none.")
    private boolean detailedExitCode;

    @Option(names = {"-json", "--json"}, description = "Print the plan as JSON (Terraform's plan format).")
    private boolean json;

    @Option(names = {"-parallelism", "--parallelism"}, paramLabel = "N", hidden = true, description = "Accepted for compatibility; planning reads objects one by one.")
    private Integer parallelism;

    PlanCommand(Invocation invocation)
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
        try (StateSession session = StateSession.open(workspace, "plan", lockOptions.lockTimeout)) {
            Optional<PlanStep.Planned> planned = PlanStep.plan(workspace, session, inputs, planFlags,
                    destroy ? PlanMode.DESTROY : PlanMode.NORMAL);
            if (planned.isEmpty()) {
                return ExitCodes.ERROR;
            }
            Plan plan = planned.get().plan();
            if (json) {
                invocation.out().println(JsonRenderer.render(plan));
            }
            else {
                invocation.out().print(TextRenderer.render(plan, workspace.planStyle()));
            }
            if (out != null) {
                Path file = workspace.directory().resolve(out);
                PlanFile.write(file, plan, workspace.kilnVersion(), workspace.encryption());
                if (!json) {
                    invocation.out().println();
                    invocation.out().println("Saved the plan to: " + out);
                    invocation.out().println();
                    invocation.out().println("To perform exactly these actions, run the following command to apply:");
                    invocation.out().println("    kiln apply \"" + out + "\"");
                }
            }
            return detailedExitCode && plan.hasChanges() ? ExitCodes.CHANGES : ExitCodes.OK;
        }
    }
}
