package dev.kiln.cli;

import dev.kiln.state.ResourceInstance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import static java.util.Objects.requireNonNull;

@Command(name = "list", description = "List the recorded resource instances, sorted; only those under the given ADDRESS prefixes when some are given.")
final class StateListCommand
        implements Callable<Integer>
{
    private final Invocation invocation;

    @Mixin
    private HelpOption help;

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private StateCommand state;

    @Parameters(arity = "0..*", paramLabel = "ADDRESS", description = "cluster.prod, node.w, node.w[0]...")
    private List<String> prefixes = new ArrayList<>();

    StateListCommand(Invocation invocation)
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
        for (ResourceInstance instance : workspace.readState().resources().values()) {
            String address = instance.address().toString();
            if (prefixes.isEmpty() || prefixes.stream().anyMatch(prefix -> address.equals(prefix) || address.startsWith(prefix + "[") || address.startsWith(prefix + "."))) {
                invocation.out().println(address);
            }
        }
        return ExitCodes.OK;
    }
}
