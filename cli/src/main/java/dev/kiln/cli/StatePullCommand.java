package dev.kiln.cli;

import dev.kiln.state.StateCodec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.util.concurrent.Callable;

import static java.util.Objects.requireNonNull;

@Command(name = "pull", description = "Print the stored state document (JSON, decrypted when encryption is configured), for backups and inspection.")
final class StatePullCommand
        implements Callable<Integer>
{
    private final Invocation invocation;

    @Mixin
    private HelpOption help;

    @Mixin
    private VariableOptions variables;

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private StateCommand state;

    StatePullCommand(Invocation invocation)
    {
        this.invocation = requireNonNull(invocation, "invocation is null");
    }

    @Override
    public Integer call()
            throws IOException
    {
        Workspace workspace = new Workspace(invocation, state.workingDirectory(spec));
        if (!ConfiguredEncryption.configure(workspace, variables.inputs(invocation, workspace.directory()))) {
            return ExitCodes.ERROR;
        }
        invocation.out().print(StateCodec.standard().encode(workspace.readState()));
        return ExitCodes.OK;
    }
}
