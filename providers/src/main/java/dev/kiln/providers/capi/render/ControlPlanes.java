package dev.kiln.providers.capi.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.lang.config.model.Cluster;

import java.util.Optional;

import static dev.kiln.providers.capi.render.MarkedValues.NODES;

/**
 * The control plane: a KubeadmControlPlane (replicas, version, rolling updates one machine
 * at a time, its machine template, the kubeadm config), or on EKS an AWSManagedControlPlane
 * (region, SSH key, version, and the infrastructure block's {@code spec}).
 */
final class ControlPlanes
{
    static final String KUBEADM_KIND = "KubeadmControlPlane";
    static final String MANAGED_KIND = "AWSManagedControlPlane";
    static final String MANAGED_API_VERSION = RenderContext.CONTROL_PLANE_GROUP + "/v1beta2";

    private ControlPlanes() {}

    static RenderedObject kubeadm(RenderContext context, RenderedObject machineTemplate)
    {
        Cluster cluster = context.cluster();
        ObjectNode manifest = context.manifest(context.core(RenderContext.CONTROL_PLANE_GROUP), KUBEADM_KIND, context.name(ObjectNames.CONTROL_PLANE));
        ObjectNode spec = manifest.putObject("spec");
        spec.set("replicas", replicas(cluster.controlPlane().members()));
        spec.set("version", MarkedValues.text(cluster.kubernetesVersion()));
        ObjectNode reference = context.reference(machineTemplate.apiVersion(), machineTemplate.kind(), machineTemplate.name());
        ObjectNode rollingUpdate = NODES.objectNode().put("maxSurge", 1);
        if (context.version() == CapiApiVersion.V1BETA1) {
            spec.putObject("machineTemplate").set("infrastructureRef", reference);
            spec.putObject("rolloutStrategy").put("type", "RollingUpdate").set("rollingUpdate", rollingUpdate);
        }
        else {
            spec.putObject("machineTemplate").putObject("spec").set("infrastructureRef", reference);
            spec.putObject("rollout").putObject("strategy").put("type", "RollingUpdate").set("rollingUpdate", rollingUpdate);
        }
        spec.set("kubeadmConfigSpec", KubeadmConfigs.controlPlane(context));
        return RenderedObject.of(ObjectRole.CONTROL_PLANE, manifest);
    }

    static RenderedObject managed(RenderContext context)
    {
        Cluster cluster = context.cluster();
        ObjectNode manifest = context.manifest(MANAGED_API_VERSION, MANAGED_KIND, context.name(ObjectNames.CONTROL_PLANE));
        ObjectNode spec = manifest.putObject("spec");
        cluster.infrastructure().ifPresent(infrastructure -> {
            infrastructure.argument("region").ifPresent(region -> spec.set("region", MarkedValues.text(region)));
            infrastructure.argument("ssh_key_name").ifPresent(key -> spec.set("sshKeyName", MarkedValues.text(key)));
        });
        spec.set("version", MarkedValues.text(cluster.kubernetesVersion()));
        cluster.infrastructure().ifPresent(infrastructure -> SpecValues.merge(spec, SpecValues.object(infrastructure.spec())));
        return RenderedObject.of(ObjectRole.CONTROL_PLANE, manifest);
    }

    /** The group's node count when it gives nodes, else its replicas; unknown when neither is known. */
    static JsonNode replicas(Cluster.Members members)
    {
        Optional<Integer> size = members.knownSize();
        if (size.isPresent()) {
            return NODES.numberNode(size.get());
        }
        if (members.nodes().isEmpty() && members.replicas().isEmpty()) {
            return NODES.numberNode(1);
        }
        return MarkedValues.unknown();
    }
}
