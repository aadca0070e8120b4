package dev.kiln.cli.sim;

import dev.kiln.cli.Invocation;
import dev.kiln.providers.sim.Datacenter;
import dev.kiln.providers.sim.Machine;
import dev.kiln.providers.sim.Member;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code kiln sim remove-node NODE}: a machine disappears, as if it died and was thrown away. */
@Command(name = "remove-node", description = "Remove a machine from the simulated datacenter, as if it died: the next plan shows it gone and creates it again.")
final class SimRemoveNodeCommand
        implements Callable<Integer>
{
    private final Optional<Invocation> invocation;

    @Spec
    private CommandSpec spec;

    @Mixin
    private SimOptions options;

    @Option(names = {"-h", "-help", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Parameters(paramLabel = "NODE", description = "The node's resource address (node.worker[\"w1\"]), host address or host name; or a machine a cluster made itself.")
    private String node;

    SimRemoveNodeCommand()
    {
        this.invocation = Optional.empty();
    }

    SimRemoveNodeCommand(Invocation invocation)
    {
        this.invocation = Optional.of(invocation);
    }

    @Override
    public Integer call()
    {
        Datacenter datacenter = options.open(invocation, spec);
        Optional<Machine> machine = Targets.machine(datacenter, node);
        if (machine.isPresent()) {
            datacenter.removeMachine(machine.get().owner());
            spec.commandLine().getOut().printf("Removed machine %s (%s) from the simulated datacenter.%n", machine.get().owner(), machine.get().hostAddress());
            spec.commandLine().getOut().flush();
            return 0;
        }
        Member replica = Targets.replica(datacenter, node).orElseThrow(() -> Targets.notFound(spec, "machine", node, Targets.machineNames(datacenter)));
        datacenter.remove(replica);
        spec.commandLine().getOut().printf("Removed machine %s (%s) of %s from the simulated datacenter.%n", replica.name(), replica.hostAddress(), replica.cluster());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
