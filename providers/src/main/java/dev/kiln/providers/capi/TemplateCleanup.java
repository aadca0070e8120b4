package dev.kiln.providers.capi;

import dev.kiln.executors.kube.KubeClient;
import dev.kiln.executors.kube.ObjectRef;
import dev.kiln.executors.walk.ActionContext;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

import java.util.Map;
import java.util.Optional;

/**
 * Machine and bootstrap templates are immutable, so a changed template is a new object with a
 * new content hash in its name. Once the control plane or a pool has rolled out onto the
 * new one, the templates it no longer uses — same name prefix, another hash — are deleted.
 */
final class TemplateCleanup
{
    private static final String HASH = "[0-9a-f]{8}";

    private TemplateCleanup() {}

    static void controlPlane(KubeClient client, ClusterSnapshot snapshot, ActionContext context)
    {
        snapshot.controlPlane().ifPresent(controlPlane -> {
            delete(client, snapshot, controlPlane, true, context, "spec", "machineTemplate", "infrastructureRef");
            delete(client, snapshot, controlPlane, true, context, "spec", "machineTemplate", "spec", "infrastructureRef");
        });
    }

    /** The pool's templates it no longer uses; with {@code keepCurrent} false (the pool is being deleted), all of them. */
    static void pool(KubeClient client, ClusterSnapshot snapshot, GenericKubernetesResource deployment, boolean keepCurrent, ActionContext context)
    {
        delete(client, snapshot, deployment, keepCurrent, context, "spec", "template", "spec", "infrastructureRef");
        delete(client, snapshot, deployment, keepCurrent, context, "spec", "template", "spec", "bootstrap", "configRef");
    }

    /** Deletes the templates of the referenced kind named {@code <owner>-<hash>}, but the referenced one when {@code keepCurrent}. */
    private static void delete(KubeClient client, ClusterSnapshot snapshot, GenericKubernetesResource owner, boolean keepCurrent, ActionContext context, String... path)
    {
        Optional<Object> found = ObjectFields.value(owner, path);
        if (found.isEmpty() || !(found.get() instanceof Map<?, ?> reference) || !(reference.get("kind") instanceof String kind)
                || !(reference.get("name") instanceof String current)) {
            return;
        }
        String apiVersion = reference.get("apiVersion") instanceof String version ? version
                : reference.get("apiGroup") instanceof String group ? group + "/" + snapshot.version().label() : "";
        if (apiVersion.isEmpty()) {
            return;
        }
        String pattern = java.util.regex.Pattern.quote(owner.getMetadata().getName() + "-") + HASH;
        for (GenericKubernetesResource template : client.list(apiVersion, kind, Map.of(CapiNames.CLUSTER_NAME_LABEL, snapshot.name()))) {
            String name = template.getMetadata().getName();
            if (!(keepCurrent && name.equals(current)) && name.matches(pattern)) {
                context.progress("deleting " + ObjectRef.of(template) + ", which nothing uses any more");
                client.delete(ObjectRef.of(template), context::progress);
            }
        }
    }
}
