package dev.kiln.cli.sim;

import dev.kiln.providers.sim.Datacenter;
import dev.kiln.providers.sim.Machine;
import dev.kiln.providers.sim.Status;
import picocli.CommandLine.Model.CommandSpec;

/** Marks a machine, and its memberships in clusters, Ready or NotReady. */
final class MachineHealth
{
    private MachineHealth() {}

    static int set(Datacenter datacenter, CommandSpec spec, String node, Status status)
    {
        Machine machine = Targets.machine(datacenter, node).orElseThrow(() -> Targets.notFound(spec, "machine", node, Targets.machineNames(datacenter)));
        datacenter.put(machine.withStatus(status));
        datacenter.clusters().forEach(cluster -> datacenter.members(cluster.owner()).stream()
                .filter(member -> member.hostAddress().equals(machine.hostAddress()))
                .map(member -> member.withStatus(status))
                .forEach(datacenter::put));
        spec.commandLine().getOut().printf("Machine %s (%s) is now %s.%n", machine.owner(), machine.hostAddress(), status == Status.READY ? "Ready" : "NotReady");
        spec.commandLine().getOut().flush();
        return 0;
    }
}
