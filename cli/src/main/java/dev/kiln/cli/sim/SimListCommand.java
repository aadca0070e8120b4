package dev.kiln.cli.sim;

import dev.kiln.cli.Invocation;
import dev.kiln.providers.sim.Datacenter;
import dev.kiln.providers.sim.Machine;
import dev.kiln.providers.sim.Member;
import dev.kiln.providers.sim.SimBackupPoint;
import dev.kiln.providers.sim.SimCluster;
import dev.kiln.providers.sim.SimPool;
import dev.kiln.providers.sim.SimRegistry;
import dev.kiln.providers.sim.Snapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code kiln sim list}: every object in the simulated datacenter, by address. Secrets are never shown. */
@Command(name = "list", description = "List the machines, clusters (with their members), registries, backup points and etcd snapshots of the simulated datacenter.")
final class SimListCommand
        implements Callable<Integer>
{
    private final Optional<Invocation> invocation;

    @Spec
    private CommandSpec spec;

    @Mixin
    private SimOptions options;

    @Option(names = {"-h", "-help", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    SimListCommand()
    {
        this.invocation = Optional.empty();
    }

    SimListCommand(Invocation invocation)
    {
        this.invocation = Optional.of(invocation);
    }

    @Override
    public Integer call()
    {
        Datacenter datacenter = options.open(invocation, spec);
        PrintWriter out = spec.commandLine().getOut();
        if (datacenter.owners().isEmpty() && datacenter.snapshots().isEmpty()) {
            out.println("The simulated datacenter is empty.");
            return 0;
        }
        for (Machine machine : datacenter.machines()) {
            out.printf("machine  %s  %s  %s  %s%n", machine.owner(), machine.hostAddress(), machine.hostname(), machine.status().label());
        }
        for (SimCluster cluster : datacenter.clusters()) {
            out.printf("cluster  %s  %s  %s  %s%n", cluster.owner(), cluster.version(), cluster.endpoint(), cluster.status().label());
            for (Member member : datacenter.members(cluster.owner())) {
                out.printf("  member  %s  %s  %s  %s  %s%n", member.group(), member.name(), member.hostAddress(), member.version(), member.status().label());
            }
        }
        for (SimPool pool : datacenter.pools()) {
            out.printf("pool  %s  %s  %s%n", pool.owner(), pool.cluster(), pool.status().label());
        }
        for (SimRegistry registry : datacenter.registries()) {
            out.printf("registry  %s  %s  %s%n", registry.owner(), registry.address(), registry.status().label());
        }
        for (SimBackupPoint point : datacenter.backupPoints()) {
            out.printf("backup_point  %s  %s  %s%n", point.owner(), point.location(), point.status().label());
        }
        for (Snapshot snapshot : datacenter.snapshots()) {
            out.printf("snapshot  %s  %s  %s  %s%n", snapshot.cluster(), snapshot.name(), snapshot.version(), snapshot.point());
        }
        out.flush();
        return 0;
    }
}
