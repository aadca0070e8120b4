package dev.kiln.providers.capi.render;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.lang.config.model.Cluster;

import java.util.Optional;

import static dev.kiln.providers.capi.render.MarkedValues.NODES;

/**
 * Bring Your Own Host (BYOH, infrastructure.cluster.x-k8s.io/v1beta1): ByoCluster with the
 * control plane's endpoint, and ByoMachineTemplate; hosts register themselves with the
 * management cluster and are claimed as machines.
 */
record ByohFlavour()
        implements Flavour
{
    static final String API_VERSION = RenderContext.INFRASTRUCTURE_GROUP + "/v1beta1";

    @Override
    public String apiVersion(RenderContext context)
    {
        return API_VERSION;
    }

    @Override
    public String clusterKind()
    {
        return "ByoCluster";
    }

    @Override
    public String machineTemplateKind()
    {
        return "ByoMachineTemplate";
    }

    @Override
    public ObjectNode clusterSpec(RenderContext context)
    {
        ObjectNode spec = NODES.objectNode();
        Endpoint.of(context.cluster()).ifPresent(endpoint -> spec.set("controlPlaneEndpoint", endpoint));
        return spec;
    }

    @Override
    public ObjectNode machineSpec(RenderContext context, Optional<Cluster.Machine> machine, boolean controlPlane)
    {
        return NODES.objectNode();
    }
}
