package dev.kiln.providers.capi;

import dev.kiln.executors.kube.KubeWait;
import dev.kiln.executors.walk.ActionContext;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Waiting on one cluster's Cluster API objects: woken by changes to its Cluster,
 * MachineDeployments and Machines (unless watching is off), polled in between.
 */
final class Waits
{
    private Waits() {}

    static ClusterSnapshot await(ManagementCluster management, String waitingFor, Function<ClusterSnapshot, KubeWait.Check<ClusterSnapshot>> check,
            String cluster, Duration timeout, ActionContext context)
    {
        String core = ClusterSnapshot.core(management.version());
        Map<String, String> labels = Map.of(CapiNames.CLUSTER_NAME_LABEL, cluster);
        List<KubeWait.Watched> watched = !management.settings().timeouts().watch() ? List.of() : List.of(
                new KubeWait.Watched(core, "Cluster", Map.of()),
                new KubeWait.Watched(core, "Machine", labels),
                new KubeWait.Watched(core, "MachineDeployment", labels));
        return KubeWait.until(management.client(), waitingFor, watched,
                () -> check.apply(ClusterSnapshot.read(management.client(), management.version(), cluster)),
                options(management, timeout), context);
    }

    static KubeWait.Options options(ManagementCluster management, Duration timeout)
    {
        return new KubeWait.Options(timeout, management.settings().timeouts().pollInterval());
    }
}
