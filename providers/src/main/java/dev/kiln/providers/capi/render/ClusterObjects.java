package dev.kiln.providers.capi.render;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.lang.config.model.Cluster;
import dev.kiln.lang.config.model.Network;
import dev.kiln.lang.config.model.Setting;

import java.util.Map;
import java.util.TreeMap;

/**
 * The Cluster object (pod and service networks, DNS domain, references to the control plane
 * and the infrastructure cluster, the cluster's labels and annotations) and the
 * infrastructure cluster (the flavour's spec with the block's {@code spec} merged over it).
 */
final class ClusterObjects
{
    static final String KIND = "Cluster";

    private ClusterObjects() {}

    static RenderedObject cluster(RenderContext context, RenderedObject infrastructureCluster, RenderedObject controlPlane)
    {
        Cluster cluster = context.cluster();
        ObjectNode manifest = context.manifest(context.core(RenderContext.CLUSTER_GROUP), KIND, context.clusterName());
        ObjectNode metadata = (ObjectNode) manifest.get("metadata");
        Map<String, String> annotations = cluster.annotations().known().orElse(Map.of());
        if (cluster.annotations() instanceof Setting.Unknown) {
            metadata.set("annotations", MarkedValues.unknown());
        }
        else if (!annotations.isEmpty()) {
            ObjectNode node = metadata.putObject("annotations");
            new TreeMap<>(annotations).forEach(node::put);
        }
        ObjectNode spec = manifest.putObject("spec");
        Network network = cluster.network();
        ObjectNode clusterNetwork = spec.putObject("clusterNetwork");
        clusterNetwork.putObject("pods").set("cidrBlocks", MarkedValues.texts(network.podCidrs()));
        clusterNetwork.putObject("services").set("cidrBlocks", MarkedValues.texts(network.serviceCidrs()));
        clusterNetwork.set("serviceDomain", MarkedValues.text(network.dnsDomain()));
        spec.set("controlPlaneRef", context.reference(controlPlane.apiVersion(), controlPlane.kind(), controlPlane.name()));
        spec.set("infrastructureRef", context.reference(infrastructureCluster.apiVersion(), infrastructureCluster.kind(), infrastructureCluster.name()));
        return RenderedObject.of(ObjectRole.CLUSTER, manifest);
    }

    static RenderedObject infrastructure(RenderContext context, Flavour flavour)
    {
        ObjectNode manifest = context.manifest(flavour.apiVersion(context), flavour.clusterKind(), context.clusterName());
        ObjectNode spec = flavour.clusterSpec(context);
        if (!context.cluster().hasManagedControlPlane()) {
            context.cluster().infrastructure().ifPresent(infrastructure -> SpecValues.merge(spec, SpecValues.object(infrastructure.spec())));
        }
        manifest.set("spec", spec);
        return RenderedObject.of(ObjectRole.INFRASTRUCTURE_CLUSTER, manifest);
    }
}
