package dev.kiln.cli;

import dev.kiln.lang.config.ConfigLoader;
import dev.kiln.lang.config.LoadResult;
import dev.kiln.lang.config.VariableInputs;
import dev.kiln.state.StateException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.Callable;

import static java.util.Objects.requireNonNull;

@Command(name = "init",
        description = {
                "Prepare the working directory for Kiln.",
                "Creates .kiln/, checks the configuration, and checks that the state backend can be read and locked. Safe to run again."
        },
        footer = {"", "Exit status: 0 when the directory is ready, 1 otherwise."})
final class InitCommand
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

    InitCommand(Invocation invocation)
    {
        this.invocation = requireNonNull(invocation, "invocation is null");
    }

    @Override
    public Integer call()
            throws IOException
    {
        Workspace workspace = new Workspace(invocation, kiln.workingDirectory(spec));
        invocation.out().println("Initializing the working directory " + workspace.directory() + "...");
        VariableInputs inputs = variables.inputs(invocation, workspace.directory());
        LoadResult loaded = ConfigLoader.load(workspace.directory(), inputs);
        workspace.show(loaded.diagnostics(), loaded.sources());
        if (loaded.hasErrors() || !ConfiguredEncryption.configure(workspace, inputs)) {
            return ExitCodes.ERROR;
        }
        Files.createDirectories(workspace.kilnDirectory());
        try (StateSession session = StateSession.open(workspace, "init", lockOptions.lockTimeout)) {
            workspace.show(session.recoveryDiagnostics());
            int instances = session.state().resources().size();
            invocation.out().println("- State: " + workspace.backend().location() + (instances == 0 ? " (empty)" : " (" + instances + " resource instances)"));
        }
        catch (StateException e) {
            workspace.show(List.of(e.diagnostic()));
            return ExitCodes.ERROR;
        }
        invocation.out().println();
        invocation.out().println(workspace.styles().green(workspace.styles().bold("Kiln has been successfully initialized!")));
        invocation.out().println();
        invocation.out().println("Run \"kiln plan\" to see what Kiln would change, then \"kiln apply\" to make it so.");
        return ExitCodes.OK;
    }
}
