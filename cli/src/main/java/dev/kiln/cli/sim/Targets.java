package dev.kiln.cli.sim;

import dev.kiln.lang.diag.DidYouMean;
import dev.kiln.providers.sim.Datacenter;
import dev.kiln.providers.sim.Machine;
import dev.kiln.providers.sim.Member;
import dev.kiln.providers.sim.SimCluster;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** Finds what a {@code kiln sim} command names: a machine by address, host address or host name; a cluster by address or name. */
final class Targets
{
    private Targets() {}

    static Optional<Machine> machine(Datacenter datacenter, String name)
    {
        return datacenter.machine(name)
                .or(() -> datacenter.machineAt(name))
                .or(() -> datacenter.machines().stream().filter(machine -> machine.hostname().equals(name)).findFirst());
    }

    /** A member a cluster made itself (replicas), by name or host address. */
    static Optional<Member> replica(Datacenter datacenter, String name)
    {
        return datacenter.clusters().stream()
                .flatMap(cluster -> datacenter.members(cluster.owner()).stream())
                .filter(member -> member.machineId().isEmpty() && (member.name().equals(name) || member.hostAddress().equals(name)))
                .findFirst();
    }

    static SimCluster cluster(Datacenter datacenter, String name, CommandSpec spec)
    {
        return datacenter.cluster(name)
                .or(() -> datacenter.cluster("cluster." + name))
                .orElseThrow(() -> notFound(spec, "cluster", name, datacenter.clusters().stream().map(SimCluster::owner).toList()));
    }

    static ParameterException notFound(CommandSpec spec, String kind, String name, List<String> known)
    {
        TreeSet<String> candidates = new TreeSet<>(known);
        return new ParameterException(spec.commandLine(), "No " + kind + " \"" + name + "\" in the simulated datacenter."
                + DidYouMean.sentence(name, candidates));
    }

    static List<String> machineNames(Datacenter datacenter)
    {
        return datacenter.machines().stream().map(Machine::owner).toList();
    }
}
