package dev.kiln.cli;

import dev.kiln.cli.view.StateView;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.state.State;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Callable;

import static java.util.Objects.requireNonNull;

@Command(name = "show", description = "Show one recorded resource instance's attributes (sensitive values hidden).")
final class StateShowCommand
        implements Callable<Integer>
{
    private final Invocation invocation;

    @Mixin
    private HelpOption help;

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private StateCommand state;

    @Parameters(index = "0", paramLabel = "ADDRESS")
    private String address;

    StateShowCommand(Invocation invocation)
    {
        this.invocation = requireNonNull(invocation, "invocation is null");
    }

    @Override
    public Integer call()
            throws IOException
    {
        Workspace workspace = new Workspace(invocation, state.workingDirectory(spec));
        if (!ConfiguredEncryption.configure(workspace)) {
            return ExitCodes.ERROR;
        }
        State current = workspace.readState();
        Optional<ResourceAddress> found = StateAddresses.recorded(workspace, current, address);
        if (found.isEmpty()) {
            return ExitCodes.ERROR;
        }
        invocation.out().print(StateView.instance(current.resource(found.get()).orElseThrow()));
        return ExitCodes.OK;
    }
}
