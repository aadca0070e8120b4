package dev.kiln.cli;

import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.state.ResourceInstance;
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

@Command(name = "mv", description = {"Record a resource instance under another address (after renaming it in the configuration).",
        "The object itself is not touched; both addresses must be of the same type."})
final class StateMoveCommand
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

    @Parameters(index = "0", paramLabel = "SOURCE")
    private String source;

    @Parameters(index = "1", paramLabel = "DESTINATION")
    private String destination;

    StateMoveCommand(Invocation invocation)
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
        try (StateSession session = StateSession.open(workspace, "state mv", lockOptions.lockTimeout)) {
            workspace.show(session.recoveryDiagnostics());
            State current = session.state();
            Optional<ResourceAddress> from = StateAddresses.recorded(workspace, current, source);
            Optional<ResourceAddress> to = StateAddresses.parse(workspace, destination);
            if (from.isEmpty() || to.isEmpty()) {
                return ExitCodes.ERROR;
            }
            if (!from.get().type().equals(to.get().type())) {
                return refuse(workspace, "Moving " + source + " to " + destination + " would change its resource type; an instance keeps its type.");
            }
            if (current.resource(to.get()).isPresent()) {
                return refuse(workspace, "The state already records an instance at " + destination + ". Remove it first with kiln state rm, or choose another address.");
            }
            ResourceInstance instance = current.resource(from.get()).orElseThrow();
            ResourceInstance moved = new ResourceInstance(to.get(), instance.provider(), instance.attributes(), instance.sensitivePaths(),
                    instance.dependencies(), instance.status(), instance.needsReconciliation(), instance.created(), instance.updated());
            session.commit(current.toBuilder().removeResource(from.get()).putResource(moved).build());
            invocation.out().println("Moved " + from.get() + " to " + to.get() + ".");
            return ExitCodes.OK;
        }
    }

    private static int refuse(Workspace workspace, String detail)
    {
        workspace.show(List.of(Diagnostic.errorWithoutSource("Invalid state move", detail)));
        return ExitCodes.ERROR;
    }
}
