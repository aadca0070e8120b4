package dev.kiln.cli.sim;

import dev.kiln.cli.Invocation;
import dev.kiln.providers.sim.Datacenter;
import dev.kiln.providers.sim.Status;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code kiln sim recover NODE}: a failed machine answers again. */
@Command(name = "recover", description = "Mark a machine Ready again after kiln sim fail.")
final class SimRecoverCommand
        implements Callable<Integer>
{
    private final Optional<Invocation> invocation;

    @Spec
    private CommandSpec spec;

    @Mixin
    private SimOptions options;

    @Option(names = {"-h", "-help", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Parameters(paramLabel = "NODE", description = "The node's resource address (node.worker[\"w1\"]), host address or host name.")
    private String node;

    SimRecoverCommand()
    {
        this.invocation = Optional.empty();
    }

    SimRecoverCommand(Invocation invocation)
    {
        this.invocation = Optional.of(invocation);
    }

    @Override
    public Integer call()
    {
        Datacenter datacenter = options.open(invocation, spec);
        return MachineHealth.set(datacenter, spec, node, Status.READY);
    }
}
