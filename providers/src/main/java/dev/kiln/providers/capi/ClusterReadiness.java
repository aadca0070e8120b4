package dev.kiln.providers.capi;

import dev.kiln.executors.kube.KubeWait;
import dev.kiln.providers.capi.render.CapiApiVersion;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * When Cluster API is done, read from a {@link ClusterSnapshot}, and what it is doing
 * meanwhile ("control plane 2/3 ready, ScalingUp"). Every object must first have observed its
 * latest spec (observedGeneration). Then, on v1beta1, the Cluster's phase is Provisioned, its
 * ControlPlaneInitialized condition True and its control plane ready and initialized; on
 * v1beta2 its ControlPlaneAvailable condition is True, and once a pool is ready also
 * WorkersAvailable and Available. In both, the control plane or pool has as many ready,
 * up-to-date machines as wanted and no more. A failed machine fails the wait.
 */
final class ClusterReadiness
{
    private static final Set<String> ACTIVITIES = Set.of("ScalingUp", "ScalingDown", "RollingOut", "Remediating", "Deleting");

    private ClusterReadiness() {}

    /**
     * The cluster provisioned with its control plane rolled out at {@code version}: on v1beta1
     * phase Provisioned and ControlPlaneInitialized; on v1beta2 ControlPlaneAvailable (the pools'
     * own waits cover WorkersAvailable and Available).
     */
    static KubeWait.Check<ClusterSnapshot> clusterReady(ClusterSnapshot snapshot, String version)
    {
        Optional<KubeWait.Check<ClusterSnapshot>> failed = failed(snapshot);
        if (failed.isPresent()) {
            return failed.get();
        }
        boolean done = snapshot.cluster().isPresent() && snapshot.controlPlane().isPresent()
                && clusterProvisioned(snapshot.cluster().get(), snapshot.version())
                && controlPlaneDone(snapshot.controlPlane().get(), snapshot.version(), Optional.of(version), snapshot);
        return done ? KubeWait.Check.done(snapshot) : KubeWait.Check.pending(describe(snapshot, List.of()));
    }

    /** The pool whose MachineDeployment is {@code pool} rolled out at {@code version}, and on v1beta2 the Cluster's WorkersAvailable and Available conditions True. */
    static KubeWait.Check<ClusterSnapshot> poolReady(ClusterSnapshot snapshot, String pool, String version)
    {
        Optional<KubeWait.Check<ClusterSnapshot>> failed = failed(snapshot);
        if (failed.isPresent()) {
            return failed.get();
        }
        boolean workers = snapshot.version() == CapiApiVersion.V1BETA1 || snapshot.cluster()
                .map(cluster -> ObjectFields.conditionTrue(cluster, "WorkersAvailable") && ObjectFields.conditionTrue(cluster, "Available"))
                .orElse(false);
        boolean done = workers && poolDone(snapshot, pool, Optional.of(version));
        return done ? KubeWait.Check.done(snapshot) : KubeWait.Check.pending(describePool(snapshot, pool)
                + snapshot.cluster().filter(cluster -> snapshot.version() == CapiApiVersion.V1BETA2)
                        .map(cluster -> "; Cluster " + ObjectFields.describe(ObjectFields.conditions(cluster))).orElse(""));
    }

    /** The control plane rolled out at {@code version}: every machine runs it and is ready. */
    static KubeWait.Check<ClusterSnapshot> controlPlaneAt(ClusterSnapshot snapshot, String version)
    {
        Optional<KubeWait.Check<ClusterSnapshot>> failed = failed(snapshot);
        if (failed.isPresent()) {
            return failed.get();
        }
        boolean done = snapshot.controlPlane().map(controlPlane -> controlPlaneDone(controlPlane, snapshot.version(), Optional.of(version), snapshot)).orElse(false);
        return done ? KubeWait.Check.done(snapshot) : KubeWait.Check.pending(describeControlPlane(snapshot));
    }

    /** Pool {@code pool} rolled out at {@code version}. */
    static KubeWait.Check<ClusterSnapshot> poolAt(ClusterSnapshot snapshot, String pool, String version)
    {
        Optional<KubeWait.Check<ClusterSnapshot>> failed = failed(snapshot);
        if (failed.isPresent()) {
            return failed.get();
        }
        return poolDone(snapshot, pool, Optional.of(version)) ? KubeWait.Check.done(snapshot) : KubeWait.Check.pending(describePool(snapshot, pool));
    }

    /** Cluster phase and conditions, control plane, then each pool. */
    static String describe(ClusterSnapshot snapshot, List<String> pools)
    {
        List<String> parts = new ArrayList<>();
        parts.add(snapshot.cluster().map(cluster -> "Cluster " + ObjectFields.text(cluster, "status", "phase").orElse("Pending")
                + " (" + ObjectFields.describe(ObjectFields.conditions(cluster)) + ")").orElse("Cluster not created yet"));
        parts.add(describeControlPlane(snapshot));
        pools.forEach(pool -> parts.add(describePool(snapshot, pool)));
        return String.join("; ", parts);
    }

    static boolean clusterProvisioned(GenericKubernetesResource cluster, CapiApiVersion version)
    {
        if (!ObjectFields.observed(cluster)) {
            return false;
        }
        if (version == CapiApiVersion.V1BETA1) {
            return "Provisioned".equals(ObjectFields.text(cluster, "status", "phase").orElse(""))
                    && ObjectFields.conditionTrue(cluster, "ControlPlaneInitialized");
        }
        return ObjectFields.conditionTrue(cluster, "ControlPlaneAvailable");
    }

    private static boolean controlPlaneDone(GenericKubernetesResource controlPlane, CapiApiVersion version, Optional<String> atVersion, ClusterSnapshot snapshot)
    {
        if (!ObjectFields.observed(controlPlane)) {
            return false;
        }
        if (!controlPlane.getKind().equals("KubeadmControlPlane")) {
            return ObjectFields.flag(controlPlane, "status", "ready") || ObjectFields.conditionTrue(controlPlane, "Available");
        }
        boolean initialized = version == CapiApiVersion.V1BETA1
                ? ObjectFields.flag(controlPlane, "status", "ready") && ObjectFields.flag(controlPlane, "status", "initialized")
                : ObjectFields.flag(controlPlane, "status", "initialization", "controlPlaneInitialized");
        boolean machinesAtVersion = atVersion.map(target -> snapshot.controlPlaneMachines().stream()
                .allMatch(machine -> target.equals(ObjectFields.text(machine, "spec", "version").orElse("")))).orElse(true);
        return initialized && replicasDone(controlPlane, version) && machinesAtVersion;
    }

    private static boolean poolDone(ClusterSnapshot snapshot, String pool, Optional<String> atVersion)
    {
        GenericKubernetesResource deployment = snapshot.deployments().get(pool);
        if (deployment == null || !ObjectFields.observed(deployment)) {
            return false;
        }
        boolean machinesAtVersion = atVersion.map(target -> snapshot.poolMachines(pool).stream()
                .allMatch(machine -> target.equals(ObjectFields.text(machine, "spec", "version").orElse("")))).orElse(true);
        return replicasDone(deployment, snapshot.version()) && machinesAtVersion;
    }

    /** As many ready and up-to-date machines as wanted, and no more machines than that. */
    private static boolean replicasDone(GenericKubernetesResource object, CapiApiVersion version)
    {
        int wanted = ObjectFields.integer(object, "spec", "replicas").orElse(1);
        return ObjectFields.integer(object, "status", "replicas").orElse(-1) == wanted
                && ObjectFields.integer(object, "status", "readyReplicas").orElse(0) == wanted
                && upToDate(object, version) == wanted;
    }

    private static int upToDate(GenericKubernetesResource object, CapiApiVersion version)
    {
        return version == CapiApiVersion.V1BETA1
                ? ObjectFields.integer(object, "status", "updatedReplicas").orElse(0)
                : ObjectFields.integer(object, "status", "upToDateReplicas").orElse(0);
    }

    private static String describeControlPlane(ClusterSnapshot snapshot)
    {
        return snapshot.controlPlane().map(controlPlane -> "control plane " + counts(controlPlane, snapshot.version()) + activity(controlPlane))
                .orElse("control plane not created yet");
    }

    static String describePool(ClusterSnapshot snapshot, String pool)
    {
        GenericKubernetesResource deployment = snapshot.deployments().get(pool);
        return deployment == null ? "MachineDeployment " + pool + " not created yet" : "MachineDeployment " + pool + " " + counts(deployment, snapshot.version()) + activity(deployment);
    }

    /** "2/3 ready" and, when some are not up to date, "1/3 up to date". */
    private static String counts(GenericKubernetesResource object, CapiApiVersion version)
    {
        int wanted = ObjectFields.integer(object, "spec", "replicas").orElse(1);
        int ready = ObjectFields.integer(object, "status", "readyReplicas").orElse(0);
        int upToDate = upToDate(object, version);
        return ready + "/" + wanted + " ready" + (upToDate < wanted ? ", " + upToDate + "/" + wanted + " up to date" : "");
    }

    /** ", ScalingUp": what the controller says it is doing (v1beta2 activity conditions, or the reason a v1beta1 condition is False). */
    private static String activity(GenericKubernetesResource object)
    {
        List<ObjectFields.Condition> conditions = ObjectFields.conditions(object);
        Optional<String> active = conditions.stream()
                .filter(condition -> ACTIVITIES.contains(condition.type()) && condition.isTrue())
                .map(ObjectFields.Condition::type)
                .findFirst()
                .or(() -> conditions.stream().filter(condition -> !condition.isTrue() && !condition.reason().isEmpty()).map(ObjectFields.Condition::reason).findFirst());
        return active.map(reason -> ", " + reason).orElse("");
    }

    private static Optional<KubeWait.Check<ClusterSnapshot>> failed(ClusterSnapshot snapshot)
    {
        List<String> failed = snapshot.failedMachines();
        return failed.isEmpty() ? Optional.empty() : Optional.of(KubeWait.Check.failed(String.join("; ", failed)));
    }
}
