package dev.kiln.providers.capi;

import dev.kiln.executors.kube.KubeClient;
import dev.kiln.executors.kube.ObjectRef;
import dev.kiln.executors.walk.ActionContext;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What Cluster API leaves behind when a Cluster is deleted: the machine and bootstrap
 * templates Kiln made for it (no object owns them) and the Secrets Kiln rendered. Found by
 * the kinds the control plane and MachineDeployments referenced and the cluster-name label.
 */
final class Leftovers
{
    private Leftovers() {}

    static void delete(KubeClient client, ClusterSnapshot before, ActionContext context)
    {
        TreeSet<String> kinds = new TreeSet<>();
        kinds.add("v1 Secret");
        before.controlPlane().ifPresent(controlPlane -> {
            reference(controlPlane, before, "spec", "machineTemplate", "infrastructureRef").ifPresent(kinds::add);
            reference(controlPlane, before, "spec", "machineTemplate", "spec", "infrastructureRef").ifPresent(kinds::add);
        });
        for (GenericKubernetesResource deployment : before.deployments().values()) {
            reference(deployment, before, "spec", "template", "spec", "infrastructureRef").ifPresent(kinds::add);
            reference(deployment, before, "spec", "template", "spec", "bootstrap", "configRef").ifPresent(kinds::add);
        }
        Map<String, String> labels = Map.of(CapiNames.CLUSTER_NAME_LABEL, before.name());
        for (String kind : kinds) {
            String[] parts = kind.split(" ");
            for (GenericKubernetesResource object : client.list(parts[0], parts[1], labels)) {
                context.progress("deleting " + ObjectRef.of(object));
                client.delete(ObjectRef.of(object), context::progress);
            }
        }
    }

    /** "apiVersion Kind" of a reference: v1beta1 names the apiVersion, v1beta2 the apiGroup (same version as the core objects). */
    private static Optional<String> reference(GenericKubernetesResource object, ClusterSnapshot snapshot, String... path)
    {
        Optional<Object> found = ObjectFields.value(object, path);
        if (found.isEmpty() || !(found.get() instanceof Map<?, ?> reference) || !(reference.get("kind") instanceof String kind)) {
            return Optional.empty();
        }
        if (reference.get("apiVersion") instanceof String apiVersion) {
            return Optional.of(apiVersion + " " + kind);
        }
        if (reference.get("apiGroup") instanceof String group) {
            return Optional.of(group + "/" + snapshot.version().label() + " " + kind);
        }
        return Optional.empty();
    }
}
