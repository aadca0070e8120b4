package dev.kiln.providers.sim;

import dev.kiln.lang.value.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The steps a worker pool change takes, in the order the driver takes them, in words an operator reads. */
final class PoolSteps
{
    private static final Set<String> MEMBERSHIP = Set.of("kubernetes_version", "current_version", "status", "nodes", "replicas");

    private PoolSteps() {}

    static List<String> create(PoolShape desired)
    {
        return List.of("join " + ClusterSteps.count(desired.group().size(), "node") + " to " + desired.group().describe()
                + " with Kubernetes " + desired.version().orElse(Steps.UNKNOWN));
    }

    static List<String> delete(PoolShape prior)
    {
        return List.of("drain and remove " + prior.group().describe() + " (" + ClusterSteps.count(prior.group().size(), "node") + ")");
    }

    static List<String> update(Value priorValue, PoolShape prior, Value planned, PoolShape desired)
    {
        List<String> steps = new ArrayList<>();
        if (prior.version().isPresent() && desired.version().isPresent()) {
            String from = prior.version().get();
            for (String hop : KubernetesUpgrades.chain(from, desired.version().get())) {
                steps.add("upgrade " + desired.group().describe() + " from " + from + " to " + hop + " in batches of " + desired.group().batch()
                        + " (" + ClusterSteps.count(prior.group().size(), "node") + ")");
                from = hop;
            }
        }
        ClusterSteps.membership(steps, prior.group(), desired.group());
        List<String> settings = Steps.changedAttributes(priorValue, planned).stream().filter(name -> !MEMBERSHIP.contains(name)).toList();
        if (!settings.isEmpty()) {
            steps.add("update the pool's " + String.join(", ", settings));
        }
        if (steps.isEmpty()) {
            steps.add("update the settings of " + desired.group().describe() + " and its nodes");
        }
        return List.copyOf(steps);
    }
}
