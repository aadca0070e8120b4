package dev.kiln.providers.capi.render;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.lang.config.model.Cluster;

import java.util.Optional;

import static dev.kiln.providers.capi.render.MarkedValues.NODES;

/**
 * Cluster API's development provider (CAPD): DockerCluster and DockerMachineTemplate, in
 * the core's API version. A machine's {@code template} is the node image
 * ({@code customImage}).
 */
record DockerFlavour()
        implements Flavour
{
    @Override
    public String apiVersion(RenderContext context)
    {
        return context.core(RenderContext.INFRASTRUCTURE_GROUP);
    }

    @Override
    public String clusterKind()
    {
        return "DockerCluster";
    }

    @Override
    public String machineTemplateKind()
    {
        return "DockerMachineTemplate";
    }

    @Override
    public ObjectNode clusterSpec(RenderContext context)
    {
        return NODES.objectNode();
    }

    @Override
    public ObjectNode machineSpec(RenderContext context, Optional<Cluster.Machine> machine, boolean controlPlane)
    {
        ObjectNode spec = NODES.objectNode();
        machine.flatMap(Cluster.Machine::template).ifPresent(image -> spec.set("customImage", MarkedValues.text(image)));
        return spec;
    }
}
