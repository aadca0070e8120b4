package dev.kiln.cli;

import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.state.State;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import static java.util.Objects.requireNonNull;

@Command(name = "rm", description = {"Forget resource instances: remove them from the state without touching the objects.",
        "Kiln stops managing them; the next plan creates them again if they are still configured."})
final class StateRemoveCommand
        implements Callable<Integer>
{
    private final Invocation invocation;

    @Mixin
    private HelpOption help;

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private StateCommand state;

    @Mixin
    private LockOptions lockOptions;

    @Parameters(arity = "1..*", paramLabel = "ADDRESS")
    private List<String> addresses;

    StateRemoveCommand(Invocation invocation)
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
        try (StateSession session = StateSession.open(workspace, "state rm", lockOptions.lockTimeout)) {
            workspace.show(session.recoveryDiagnostics());
            State current = session.state();
            State.Builder builder = current.toBuilder();
            for (String text : addresses) {
                Optional<ResourceAddress> address = StateAddresses.recorded(workspace, current, text);
                if (address.isEmpty()) {
                    return ExitCodes.ERROR;
                }
                builder.removeResource(address.get());
            }
            session.commit(builder.build());
            invocation.out().println("Removed " + addresses.size() + " resource instance(s) from the state.");
            return ExitCodes.OK;
        }
    }
}
