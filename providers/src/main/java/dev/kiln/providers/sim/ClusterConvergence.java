package dev.kiln.providers.sim;

import dev.kiln.executors.walk.ActionContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Brings one simulated cluster's members to its configured shape, observing before each
 * step so that a rerun after a crash skips what is done: drop members whose machines are gone,
 * initialize the control plane, upgrade one minor version at a time (control-plane nodes one by
 * one, then each pool in batches of {@code max_unavailable}), join missing control-plane nodes
 * one at a time, remove surplus ones, then join and remove workers pool by pool.
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
        removeSurplus(shape.controlPlane(), 1);
        for (ClusterShape.Group pool : shape.pools().values()) {
            joinWorkers(pool);
            removeSurplus(pool, pool.batch());
        }
        Set<String> pools = shape.pools().keySet();
        Map<String, List<Member>> retired = members().stream()
                .filter(member -> !member.isControlPlane() && !pools.contains(member.group()))
                .collect(Collectors.groupingBy(Member::group, TreeMap::new, Collectors.toList()));
        for (Map.Entry<String, List<Member>> pool : retired.entrySet()) {
            remove(pool.getValue(), 1, poolSubject(pool.getKey()));
        }
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
        String oldest = members().stream().map(Member::version)
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
            for (ClusterShape.Group pool : shape.pools().values()) {
                List<Member> behind = members().stream()
                        .filter(member -> member.group().equals(pool.name()) && KubernetesUpgrades.isBelow(member.version(), hop))
                        .toList();
                for (List<Member> batch : batches(behind, pool.batch())) {
                    simulator.injection().at(List.of(owner, poolSubject(pool.name())), "upgrade", context);
                    context.progress("upgrading " + batch.size() + " node(s) of " + pool.describe() + " to " + hop);
                    simulator.time().spend(Operation.UPGRADE_NODE, context);
                    batch.forEach(member -> datacenter.put(member.withVersion(hop)));
                }
            }
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

    private void joinWorkers(ClusterShape.Group pool)
            throws SimulatedFailureException
    {
        Set<String> present = hosts(pool.name());
        List<ClusterShape.MemberSpec> missing = pool.members().orElseThrow().stream().filter(spec -> !present.contains(spec.hostAddress())).toList();
        if (missing.isEmpty()) {
            return;
        }
        simulator.injection().at(List.of(owner, poolSubject(pool.name())), "join", context);
        List<Member> joining = new ArrayList<>();
        for (ClusterShape.MemberSpec spec : missing) {
            joining.add(member(spec, pool.name(), cluster.version()));
        }
        context.progress("joining " + joining.size() + " node(s) to " + pool.describe());
        simulator.time().spend(Operation.JOIN_WORKERS, context);
        joining.forEach(datacenter::put);
    }

    private void removeSurplus(ClusterShape.Group group, int batch)
            throws SimulatedFailureException
    {
        Set<String> wanted = group.members().orElseThrow().stream().map(ClusterShape.MemberSpec::hostAddress).collect(Collectors.toSet());
        List<Member> surplus = members().stream()
                .filter(member -> member.group().equals(group.name()) && !wanted.contains(member.hostAddress()))
                .toList();
        remove(surplus, batch, group.isControlPlane() ? controlPlaneSubject() : poolSubject(group.name()));
    }

    private void remove(List<Member> surplus, int batch, String subject)
            throws SimulatedFailureException
    {
        for (List<Member> members : batches(surplus, batch)) {
            simulator.injection().at(List.of(owner, subject), "remove", context);
            context.progress("draining and removing " + members.size() + " node(s)");
            simulator.time().spend(Operation.REMOVE_MEMBER, context);
            members.forEach(datacenter::remove);
        }
    }

    private Member member(ClusterShape.MemberSpec spec, String group, String version)
            throws SimulatedFailureException
    {
        if (!spec.onNode()) {
            return new Member(owner, spec.name(), group, spec.hostAddress(), "", version, Status.READY);
        }
        Optional<Machine> machine = datacenter.machineAt(spec.hostAddress());
        if (machine.isEmpty() || machine.get().status() != Status.READY) {
            throw new SimulatedFailureException("no ready machine for " + spec.name() + " can join " + owner
                    + (machine.isEmpty() ? ": create its node first" : ": it is " + machine.get().status().label()));
        }
        return new Member(owner, machine.get().owner(), group, spec.hostAddress(), machine.get().id(), version, Status.READY);
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

    private String poolSubject(String pool)
    {
        return owner + ".pool[\"" + pool + "\"]";
    }

    private static <T> List<List<T>> batches(List<T> items, int size)
    {
        List<List<T>> batches = new ArrayList<>();
        for (int start = 0; start < items.size(); start += size) {
            batches.add(items.subList(start, Math.min(items.size(), start + size)));
        }
        return batches;
    }
}
