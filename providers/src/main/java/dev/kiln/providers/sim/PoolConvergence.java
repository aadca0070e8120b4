package dev.kiln.providers.sim;

import dev.kiln.executors.walk.ActionContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Brings one simulated worker pool's members to its configured shape, observing before each
 * step so that a rerun after a crash skips what is done: drop members whose machines are gone,
 * upgrade the rest one minor version at a time in batches of {@code max_unavailable} (never
 * past the version the control plane runs), join missing nodes, then drain and remove surplus
 * ones in batches. Failure injection reaches the pool's address and its steps
 * ({@code cluster.prod.pool["a"]:join}, {@code :upgrade}, {@code :remove}).
 */
final class PoolConvergence
{
    private final Simulator simulator;
    private final Datacenter datacenter;
    private final ActionContext context;
    private final String owner;
    private final SimCluster cluster;
    private final ClusterShape.Group group;

    PoolConvergence(Simulator simulator, Datacenter datacenter, ActionContext context, String owner, SimCluster cluster, ClusterShape.Group group)
    {
        this.simulator = simulator;
        this.datacenter = datacenter;
        this.context = context;
        this.owner = owner;
        this.cluster = cluster;
        this.group = group;
    }

    void converge(String version)
            throws SimulatedFailureException
    {
        if (KubernetesUpgrades.isBelow(cluster.version(), version)) {
            throw new SimulatedFailureException("the control plane of " + cluster.owner() + " runs " + cluster.version() + ", so "
                    + group.describe() + " cannot run " + version + " yet: upgrade the cluster first");
        }
        for (Member member : members()) {
            if (!ClusterObservation.isAlive(member, datacenter)) {
                datacenter.remove(member);
            }
        }
        upgrade(version);
        join(version);
        removeSurplus();
    }

    /** Drains and removes every member of the pool, in batches. */
    void removeAll()
            throws SimulatedFailureException
    {
        remove(members());
    }

    private void upgrade(String version)
            throws SimulatedFailureException
    {
        String oldest = members().stream().map(Member::version)
                .reduce((left, right) -> KubernetesUpgrades.isBelow(right, left) ? right : left)
                .orElse(version);
        for (String hop : KubernetesUpgrades.chain(oldest, version)) {
            List<Member> behind = members().stream().filter(member -> KubernetesUpgrades.isBelow(member.version(), hop)).toList();
            for (List<Member> batch : ClusterConvergence.batches(behind, group.batch())) {
                simulator.injection().at(List.of(owner), "upgrade", context);
                context.progress("upgrading " + batch.size() + " node(s) of " + group.describe() + " to " + hop);
                simulator.time().spend(Operation.UPGRADE_NODE, context);
                batch.forEach(member -> datacenter.put(member.withVersion(hop)));
            }
        }
    }

    private void join(String version)
            throws SimulatedFailureException
    {
        Set<String> present = members().stream().map(Member::hostAddress).collect(Collectors.toSet());
        List<ClusterShape.MemberSpec> missing = group.members().orElseThrow().stream().filter(spec -> !present.contains(spec.hostAddress())).toList();
        if (missing.isEmpty()) {
            return;
        }
        simulator.injection().at(List.of(owner), "join", context);
        List<Member> joining = new ArrayList<>();
        for (ClusterShape.MemberSpec spec : missing) {
            joining.add(ClusterConvergence.member(datacenter, cluster.owner(), spec, group.name(), version));
        }
        context.progress("joining " + joining.size() + " node(s) to " + group.describe());
        simulator.time().spend(Operation.JOIN_WORKERS, context);
        joining.forEach(datacenter::put);
    }

    private void removeSurplus()
            throws SimulatedFailureException
    {
        Set<String> wanted = group.members().orElseThrow().stream().map(ClusterShape.MemberSpec::hostAddress).collect(Collectors.toSet());
        remove(members().stream().filter(member -> !wanted.contains(member.hostAddress())).toList());
    }

    private void remove(List<Member> surplus)
            throws SimulatedFailureException
    {
        for (List<Member> batch : ClusterConvergence.batches(surplus, group.batch())) {
            simulator.injection().at(List.of(owner), "remove", context);
            context.progress("draining and removing " + batch.size() + " node(s) of " + group.describe());
            simulator.time().spend(Operation.REMOVE_MEMBER, context);
            batch.forEach(datacenter::remove);
        }
    }

    private List<Member> members()
    {
        return datacenter.members(cluster.owner()).stream().filter(member -> member.group().equals(group.name())).toList();
    }
}
