package dev.kiln.providers.capi;

import java.util.ArrayList;
import java.util.List;

/** The steps of a capi cluster or pool change, in the order the drivers take them, in words an operator reads. */
final class ClusterPlanSteps
{
    private static final String UNKNOWN = "(known after apply)";

    private ClusterPlanSteps() {}

    static List<String> createCluster(String namespace, String cluster, CapiShape desired)
    {
        String version = desired.version().orElse(UNKNOWN);
        return List.of(desired.managedControlPlane()
                        ? "apply Cluster " + namespace + "/" + cluster + " with a control plane the cloud runs (Kubernetes " + version + ")"
                        : "apply Cluster " + namespace + "/" + cluster + " and KubeadmControlPlane " + namespace + "/" + CapiNames.controlPlane(cluster)
                                + " (" + desired.machines() + ", Kubernetes " + version + ")",
                "wait until Cluster API reports the cluster provisioned and its control plane ready");
    }

    static List<String> deleteCluster(String namespace, String cluster)
    {
        return List.of("delete Cluster " + namespace + "/" + cluster + " and wait until Cluster API has removed its machines and objects");
    }

    static List<String> updateCluster(CapiShape prior, CapiShape desired, List<String> otherChanges)
    {
        List<String> steps = new ArrayList<>();
        if (!desired.managedControlPlane()) {
            upgrade(steps, "the control plane", prior, desired);
        }
        if (!prior.replicas().equals(desired.replicas()) && desired.replicas().isPresent()) {
            steps.add("scale the control plane from " + prior.machines() + " to " + desired.machines());
        }
        if (!otherChanges.isEmpty()) {
            steps.add("apply the changed objects (" + String.join(", ", otherChanges) + ")");
        }
        steps.add("wait until Cluster API reports the control plane ready and up to date");
        return List.copyOf(steps);
    }

    static List<String> createPool(String namespace, String deployment, String pool, CapiShape desired)
    {
        return List.of("apply MachineDeployment " + namespace + "/" + deployment + " of pool \"" + pool + "\" (" + desired.machines()
                        + ", Kubernetes " + desired.version().orElse(UNKNOWN) + ")",
                "wait until every machine of the pool is ready");
    }

    static List<String> deletePool(String namespace, String deployment)
    {
        return List.of("delete MachineDeployment " + namespace + "/" + deployment + " and wait until its machines are gone");
    }

    static List<String> updatePool(String pool, CapiShape prior, CapiShape desired, List<String> otherChanges)
    {
        List<String> steps = new ArrayList<>();
        upgrade(steps, "pool \"" + pool + "\"", prior, desired);
        if (!prior.replicas().equals(desired.replicas()) && desired.replicas().isPresent()) {
            steps.add("scale pool \"" + pool + "\" from " + prior.machines() + " to " + desired.machines());
        }
        if (!otherChanges.isEmpty()) {
            steps.add("apply the changed objects (" + String.join(", ", otherChanges) + ")");
        }
        steps.add("wait until every machine of the pool is ready and up to date");
        return List.copyOf(steps);
    }

    private static void upgrade(List<String> steps, String what, CapiShape prior, CapiShape desired)
    {
        if (prior.version().isEmpty() || desired.version().isEmpty()) {
            return;
        }
        String from = prior.version().get();
        for (String hop : UpgradeChain.hops(from, desired.version().get())) {
            steps.add("upgrade " + what + " from " + from + " to " + hop + " and wait until every machine runs it");
            from = hop;
        }
    }
}
