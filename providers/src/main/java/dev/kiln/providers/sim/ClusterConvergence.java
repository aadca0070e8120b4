package dev.kiln.providers.sim;

import dev.kiln.executors.walk.ActionContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Brings one simulated cluster's control plane to its configured shape, observing before each
 * step so that a rerun after a crash skips what is done: drop members whose machines are gone,
 * initialize the control plane, upgrade it one minor version at a time (one node at a time),
 * join missing control-plane nodes one at a time and remove surplus ones. Worker pools are
 * resources of their own, converged after the cluster ({@link PoolConvergence}).
 */
final class ClusterConvergence
{
    private final Simulator simulator;
    private final Datacenter datacenter;
    private final ActionContext context;
    private final String owner;
    private SimCluster cluster;

    ClusterConvergence(Simulator simulator, Datacenter datacenter, ActionContext context, SimCluster cluster)
    {
        this.simulator = simulator;
        this.datacenter = datacenter;
        this.context = context;
        this.owner = cluster.owner();
        this.cluster = cluster;
    }

    SimCluster cluster()
    {
        return cluster;
    }

    void converge(ClusterShape shape, String version)
            throws SimulatedFailureException
    {
        dropDeadMembers();
        initialize(shape.controlPlane().members().orElseThrow(), version);
        upgrade(shape, version);
        joinControlPlane(shape.controlPlane().members().orElseThrow());
        removeSurplus(shape.controlPlane());
    }

    private void dropDeadMembers()
    {
        for (Member member : members()) {
            if (!ClusterObservation.isAlive(member, datacenter)) {
                datacenter.remove(member);
            }
        }
    }

    private void initialize(List<ClusterShape.MemberSpec> controlPlane, String version)
            throws SimulatedFailureException
    {
        if (members().stream().anyMatch(Member::isControlPlane)) {
            return;
        }
        ClusterShape.MemberSpec first = controlPlane.getFirst();
        simulator.injection().at(List.of(owner, controlPlaneSubject()), "init", context);
        Member member = member(first, Member.CONTROL_PLANE, version);
        context.progress("initializing the control plane on " + member.name());
        simulator.time().spend(Operation.INITIALIZE_CONTROL_PLANE, context);
        datacenter.put(member);
    }

    private void upgrade(ClusterShape shape, String version)
            throws SimulatedFailureException
    {
        String oldest = members().stream().filter(Member::isControlPlane).map(Member::version)
                .reduce((left, right) -> KubernetesUpgrades.isBelow(right, left) ? right : left)
                .orElse(cluster.version());
        List<String> hops = KubernetesUpgrades.chain(oldest, version);
        if (hops.isEmpty()) {
            return;
        }
        takeSnapshot(shape, oldest, version);
        put(cluster.withStatus(Status.UPGRADING));
        for (String hop : hops) {
            for (Member member : members()) {
                if (member.isControlPlane() && KubernetesUpgrades.isBelow(member.version(), hop)) {
                    simulator.injection().at(List.of(owner, controlPlaneSubject()), "upgrade", context);
                    context.progress("upgrading control-plane node " + member.name() + " to " + hop);
                    simulator.time().spend(Operation.UPGRADE_NODE, context);
                    datacenter.put(member.withVersion(hop));
                }
            }
            put(cluster.withVersion(hop));
        }
    }

    private void takeSnapshot(ClusterShape shape, String from, String to)
    {
        if (shape.backupLocation().isEmpty()) {
            return;
        }
        String name = "etcd-" + from + "-before-" + to;
        if (datacenter.snapshots().stream().anyMatch(snapshot -> snapshot.cluster().equals(owner) && snapshot.name().equals(name))) {
            return;
        }
        context.progress("taking an etcd snapshot before the upgrade");
        simulator.time().spend(Operation.SNAPSHOT_ETCD, context);
        datacenter.put(new Snapshot(owner, name, shape.backupLocation().get(), from));
    }

    private void joinControlPlane(List<ClusterShape.MemberSpec> controlPlane)
            throws SimulatedFailureException
    {
        Set<String> present = hosts(Member.CONTROL_PLANE);
        for (ClusterShape.MemberSpec spec : controlPlane) {
            if (present.contains(spec.hostAddress())) {
                continue;
            }
            simulator.injection().at(List.of(owner, controlPlaneSubject()), "join", context);
            Member member = member(spec, Member.CONTROL_PLANE, cluster.version());
            context.progress("joining control-plane node " + member.name());
            simulator.time().spend(Operation.JOIN_CONTROL_PLANE, context);
            datacenter.put(member);
        }
    }

    private void removeSurplus(ClusterShape.Group group)
            throws SimulatedFailureException
    {
        Set<String> wanted = group.members().orElseThrow().stream().map(ClusterShape.MemberSpec::hostAddress).collect(Collectors.toSet());
        List<Member> surplus = members().stream()
                .filter(member -> member.group().equals(group.name()) && !wanted.contains(member.hostAddress()))
                .toList();
        for (Member member : surplus) {
            simulator.injection().at(List.of(owner, controlPlaneSubject()), "remove", context);
            context.progress("removing control-plane node " + member.name() + " (etcd member first)");
            simulator.time().spend(Operation.REMOVE_MEMBER, context);
            datacenter.remove(member);
        }
    }

    private Member member(ClusterShape.MemberSpec spec, String group, String version)
            throws SimulatedFailureException
    {
        return member(datacenter, owner, spec, group, version);
    }

    /** A new member of {@code cluster} for {@code spec}: on the ready machine at its host, or a replica the cluster makes itself. */
    static Member member(Datacenter datacenter, String cluster, ClusterShape.MemberSpec spec, String group, String version)
            throws SimulatedFailureException
    {
        if (!spec.onNode()) {
            return new Member(cluster, spec.name(), group, spec.hostAddress(), "", version, Status.READY);
        }
        Optional<Machine> machine = datacenter.machineAt(spec.hostAddress());
        if (machine.isEmpty() || machine.get().status() != Status.READY) {
            throw new SimulatedFailureException("no ready machine for " + spec.name() + " can join " + cluster
                    + (machine.isEmpty() ? ": create its node first" : ": it is " + machine.get().status().label()));
        }
        return new Member(cluster, machine.get().owner(), group, spec.hostAddress(), machine.get().id(), version, Status.READY);
    }

    private List<Member> members()
    {
        return datacenter.members(owner);
    }

    private Set<String> hosts(String group)
    {
        return members().stream().filter(member -> member.group().equals(group)).map(Member::hostAddress).collect(Collectors.toSet());
    }

    private void put(SimCluster changed)
    {
        cluster = changed;
        datacenter.put(changed);
    }

    private String controlPlaneSubject()
    {
        return owner + ".control_plane";
    }

    static <T> List<List<T>> batches(List<T> items, int size)
    {
        List<List<T>> batches = new ArrayList<>();
        for (int start = 0; start < items.size(); start += size) {
            batches.add(items.subList(start, Math.min(items.size(), start + size)));
        }
        return batches;
    }
}
