package dev.kiln.providers.sim;

import dev.kiln.lang.value.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The steps a cluster change takes, in the order the driver takes them, in words an operator
 * reads. Worker pools plan their own steps ({@link PoolSteps}) after the cluster's.
 */
final class ClusterSteps
{
    private static final int LISTED_MEMBERS = 5;
    private static final Set<String> MEMBERSHIP = Set.of("kubernetes_version", "current_version", "status", "control_plane");

    private ClusterSteps() {}

    static List<String> create(ClusterShape desired)
    {
        List<String> steps = new ArrayList<>();
        String version = desired.version().orElse(Steps.UNKNOWN);
        ClusterShape.Group controlPlane = desired.controlPlane();
        Optional<List<ClusterShape.MemberSpec>> members = controlPlane.members();
        if (members.isPresent() && !members.get().isEmpty()) {
            steps.add("initialize the control plane on " + members.get().getFirst().name() + " with Kubernetes " + version);
            join(steps, controlPlane, members.get().subList(1, members.get().size()));
        }
        else {
            steps.add("initialize the control plane (" + count(controlPlane.size(), "node") + ") with Kubernetes " + version);
        }
        return List.copyOf(steps);
    }

    static List<String> delete(ClusterShape prior)
    {
        List<String> steps = new ArrayList<>();
        steps.add("tear down the control plane (" + count(prior.controlPlane().size(), "node") + ") and delete the cluster");
        return List.copyOf(steps);
    }

    static List<String> update(Value priorValue, ClusterShape prior, Value planned, ClusterShape desired)
    {
        List<String> steps = new ArrayList<>();
        upgrade(steps, prior, desired);
        membership(steps, prior.controlPlane(), desired.controlPlane());
        List<String> settings = Steps.changedAttributes(priorValue, planned).stream().filter(name -> !MEMBERSHIP.contains(name)).toList();
        if (!settings.isEmpty()) {
            steps.add("update the cluster's " + String.join(", ", settings));
        }
        if (steps.isEmpty()) {
            steps.add("update the settings of the control plane and its nodes");
        }
        return List.copyOf(steps);
    }

    private static void upgrade(List<String> steps, ClusterShape prior, ClusterShape desired)
    {
        if (prior.version().isEmpty() || desired.version().isEmpty()) {
            return;
        }
        List<String> hops = KubernetesUpgrades.chain(prior.version().get(), desired.version().get());
        if (!hops.isEmpty() && desired.backupLocation().isPresent()) {
            steps.add("take an etcd snapshot to " + desired.backupLocation().get() + " before upgrading");
        }
        String from = prior.version().get();
        for (String hop : hops) {
            steps.add("upgrade the control plane from " + from + " to " + hop + ", one node at a time (" + count(prior.controlPlane().size(), "node") + ")");
            from = hop;
        }
    }

    static void membership(List<String> steps, ClusterShape.Group before, ClusterShape.Group after)
    {
        if (before.members().isPresent() && after.members().isPresent()) {
            Set<String> beforeHosts = hosts(before.members().get());
            Set<String> afterHosts = hosts(after.members().get());
            List<ClusterShape.MemberSpec> added = after.members().get().stream().filter(member -> !beforeHosts.contains(member.hostAddress())).toList();
            List<ClusterShape.MemberSpec> removed = before.members().get().stream().filter(member -> !afterHosts.contains(member.hostAddress())).toList();
            join(steps, after, added);
            if (!removed.isEmpty()) {
                steps.add((after.isControlPlane() ? "remove from the control plane, one at a time (etcd member first): " : "drain and remove from " + after.describe()
                        + " in batches of " + after.batch() + ": ") + names(removed));
            }
            return;
        }
        if (!before.size().equals(after.size())) {
            steps.add("change " + after.describe() + " from " + count(before.size(), "node") + " to " + count(after.size(), "node"));
        }
    }

    private static void join(List<String> steps, ClusterShape.Group group, List<ClusterShape.MemberSpec> members)
    {
        if (members.isEmpty()) {
            return;
        }
        if (group.isControlPlane()) {
            steps.add("join to the control plane, one at a time: " + names(members));
        }
        else {
            steps.add("join to " + group.describe() + ": " + names(members));
        }
    }

    private static String names(List<ClusterShape.MemberSpec> members)
    {
        String listed = members.stream().limit(LISTED_MEMBERS).map(ClusterShape.MemberSpec::name).collect(Collectors.joining(", "));
        return members.size() > LISTED_MEMBERS ? listed + " and " + (members.size() - LISTED_MEMBERS) + " more" : listed;
    }

    private static Set<String> hosts(List<ClusterShape.MemberSpec> members)
    {
        return members.stream().map(ClusterShape.MemberSpec::hostAddress).collect(Collectors.toCollection(TreeSet::new));
    }

    static String count(Optional<Integer> size, String noun)
    {
        return size.map(value -> value + " " + noun + (value == 1 ? "" : "s")).orElse("an unknown number of " + noun + "s");
    }
}
