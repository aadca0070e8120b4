package dev.kiln.providers.capi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The steps of a capi cluster change, in the order the driver takes them, in words an operator reads. */
final class ClusterPlanSteps
{
    private ClusterPlanSteps() {}

    static List<String> create(String namespace, String cluster, CapiShape desired)
    {
        List<String> steps = new ArrayList<>();
        String version = desired.version().orElse("(known after apply)");
        steps.add(desired.managedControlPlane()
                ? "apply Cluster " + namespace + "/" + cluster + " with a control plane the cloud runs (Kubernetes " + version + ")"
                : "apply Cluster " + namespace + "/" + cluster + " and KubeadmControlPlane " + namespace + "/" + CapiNames.controlPlane(cluster)
                        + " (" + CapiShape.machines(desired.controlPlaneReplicas()) + ", Kubernetes " + version + ")");
        desired.pools().forEach((pool, replicas) -> steps.add("apply MachineDeployment " + namespace + "/" + CapiNames.pool(cluster, pool)
                + " of pool \"" + pool + "\" (" + CapiShape.machines(replicas) + ")"));
        steps.add("wait until Cluster API reports the cluster provisioned and every machine running");
        return List.copyOf(steps);
    }

    static List<String> delete(String namespace, String cluster)
    {
        return List.of("delete Cluster " + namespace + "/" + cluster + " and wait until Cluster API has removed its machines and objects");
    }

    static List<String> update(String cluster, CapiShape prior, CapiShape desired, List<String> otherChanges)
    {
        List<String> steps = new ArrayList<>();
        if (prior.version().isPresent() && desired.version().isPresent()) {
            String from = prior.version().get();
            for (String hop : UpgradeChain.hops(from, desired.version().get())) {
                if (!desired.managedControlPlane()) {
                    steps.add("upgrade the control plane from " + from + " to " + hop + " and wait until every control-plane machine runs it");
                }
                for (String pool : prior.pools().keySet()) {
                    if (desired.pools().containsKey(pool)) {
                        steps.add("upgrade pool \"" + pool + "\" to " + hop + " and wait until every machine runs it");
                    }
                }
                from = hop;
            }
        }
        if (!prior.controlPlaneReplicas().equals(desired.controlPlaneReplicas()) && desired.controlPlaneReplicas().isPresent()) {
            steps.add("scale the control plane from " + CapiShape.machines(prior.controlPlaneReplicas()) + " to " + CapiShape.machines(desired.controlPlaneReplicas()));
        }
        desired.pools().forEach((pool, replicas) -> {
            Optional<Integer> before = prior.pools().getOrDefault(pool, Optional.empty());
            if (!prior.pools().containsKey(pool)) {
                steps.add("create pool \"" + pool + "\" (MachineDeployment " + CapiNames.pool(cluster, pool) + ", " + CapiShape.machines(replicas) + ")");
            }
            else if (!before.equals(replicas)) {
                steps.add("scale pool \"" + pool + "\" from " + CapiShape.machines(before) + " to " + CapiShape.machines(replicas));
            }
        });
        prior.pools().forEach((pool, replicas) -> {
            if (!desired.pools().containsKey(pool)) {
                steps.add("delete pool \"" + pool + "\" (MachineDeployment " + CapiNames.pool(cluster, pool) + ", " + CapiShape.machines(replicas) + ")");
            }
        });
        if (!otherChanges.isEmpty()) {
            steps.add("apply the changed objects (" + String.join(", ", otherChanges) + ")");
        }
        steps.add("wait until Cluster API reports the cluster provisioned and every machine up to date");
        return List.copyOf(steps);
    }
}
