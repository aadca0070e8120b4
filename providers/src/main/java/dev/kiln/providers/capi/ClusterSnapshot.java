package dev.kiln.providers.capi;

import dev.kiln.executors.kube.KubeClient;
import dev.kiln.executors.kube.ObjectRef;
import dev.kiln.providers.capi.render.CapiApiVersion;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One cluster's Cluster API objects as the management cluster holds them at one moment: the
 * Cluster, its control plane (found through {@code spec.controlPlaneRef}), its
 * MachineDeployments by name, and its Machines.
 */
record ClusterSnapshot(
        CapiApiVersion version,
        String namespace,
        String name,
        Optional<GenericKubernetesResource> cluster,
        Optional<GenericKubernetesResource> controlPlane,
        SortedMap<String, GenericKubernetesResource> deployments,
        List<GenericKubernetesResource> machines)
{
    static String core(CapiApiVersion version)
    {
        return "cluster.x-k8s.io/" + version.label();
    }

    static ObjectRef clusterRef(CapiApiVersion version, String namespace, String name)
    {
        return ObjectRef.namespaced(core(version), "Cluster", namespace, name);
    }

    static ClusterSnapshot read(KubeClient client, CapiApiVersion version, String name)
    {
        String namespace = client.namespace();
        Optional<GenericKubernetesResource> cluster = client.get(clusterRef(version, namespace, name));
        Optional<GenericKubernetesResource> controlPlane = cluster.flatMap(found -> controlPlaneRef(found, version, namespace)).flatMap(client::get);
        Map<String, String> labels = Map.of(CapiNames.CLUSTER_NAME_LABEL, name);
        TreeMap<String, GenericKubernetesResource> deployments = new TreeMap<>();
        for (GenericKubernetesResource deployment : client.list(core(version), "MachineDeployment", labels)) {
            deployments.put(deployment.getMetadata().getName(), deployment);
        }
        List<GenericKubernetesResource> machines = cluster.isPresent() || !deployments.isEmpty()
                ? client.list(core(version), "Machine", labels)
                : List.of();
        return new ClusterSnapshot(version, namespace, name, cluster, controlPlane, deployments, machines);
    }

    /** The object {@code spec.controlPlaneRef} names: by apiVersion on v1beta1, by apiGroup (at the same version) on v1beta2. */
    static Optional<ObjectRef> controlPlaneRef(GenericKubernetesResource cluster, CapiApiVersion version, String namespace)
    {
        Optional<String> kind = ObjectFields.text(cluster, "spec", "controlPlaneRef", "kind");
        Optional<String> name = ObjectFields.text(cluster, "spec", "controlPlaneRef", "name");
        Optional<String> apiVersion = ObjectFields.text(cluster, "spec", "controlPlaneRef", "apiVersion")
                .or(() -> ObjectFields.text(cluster, "spec", "controlPlaneRef", "apiGroup").map(group -> group + "/" + version.label()));
        if (kind.isEmpty() || name.isEmpty() || apiVersion.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ObjectRef.namespaced(apiVersion.get(), kind.get(), namespace, name.get()));
    }

    /** The Machines of the control plane. */
    List<GenericKubernetesResource> controlPlaneMachines()
    {
        return machines.stream().filter(machine -> machine.getMetadata().getLabels() != null
                && machine.getMetadata().getLabels().containsKey(CapiNames.CONTROL_PLANE_LABEL)).toList();
    }

    /** The Machines of MachineDeployment {@code deploymentName}. */
    List<GenericKubernetesResource> poolMachines(String deploymentName)
    {
        return machines.stream().filter(machine -> machine.getMetadata().getLabels() != null
                && deploymentName.equals(machine.getMetadata().getLabels().get(CapiNames.DEPLOYMENT_NAME_LABEL))).toList();
    }

    /** The Machines that failed, as "Machine ns/name failed: reason: message". */
    List<String> failedMachines()
    {
        return machines.stream()
                .filter(machine -> "Failed".equals(ObjectFields.text(machine, "status", "phase").orElse("")))
                .map(machine -> ObjectRef.of(machine) + " failed: " + failure(machine))
                .toList();
    }

    private static String failure(GenericKubernetesResource machine)
    {
        String reason = ObjectFields.text(machine, "status", "failureReason")
                .or(() -> ObjectFields.text(machine, "status", "deprecated", "v1beta1", "failureReason"))
                .orElse("no reason given");
        return ObjectFields.text(machine, "status", "failureMessage")
                .or(() -> ObjectFields.text(machine, "status", "deprecated", "v1beta1", "failureMessage"))
                .map(message -> reason + ": " + message)
                .orElse(reason);
    }
}
