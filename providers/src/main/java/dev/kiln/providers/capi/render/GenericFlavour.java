package dev.kiln.providers.capi.render;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.lang.config.model.Cluster;
import dev.kiln.lang.config.model.Infrastructure;
import dev.kiln.lang.config.model.Setting;

import java.util.Optional;

import static dev.kiln.providers.capi.render.MarkedValues.NODES;

/**
 * Any other infrastructure provider (Huawei DCS, Huawei Cloud Stack, Metal3 …):
 * {@code api_version} and {@code kind} name the infrastructure cluster and {@code spec} is
 * its whole spec. A machine block's {@code api_version} and {@code kind} name its machine
 * template; without them the template is of the infrastructure's API version and of the kind
 * named after the cluster's kind ({@code Metal3Cluster} → {@code Metal3MachineTemplate}).
 * Each machine's {@code spec} is its template's whole spec.
 */
record GenericFlavour(Infrastructure infrastructure)
        implements Flavour
{
    private static final String CLUSTER_SUFFIX = "Cluster";

    @Override
    public String apiVersion(RenderContext context)
    {
        return infrastructure.argument("api_version").flatMap(Setting::known).orElse(RenderedObject.UNKNOWN_TEXT);
    }

    @Override
    public String clusterKind()
    {
        return infrastructure.argument("kind").flatMap(Setting::known).orElse(RenderedObject.UNKNOWN_TEXT);
    }

    @Override
    public String machineTemplateKind()
    {
        String kind = clusterKind();
        String prefix = kind.endsWith(CLUSTER_SUFFIX) ? kind.substring(0, kind.length() - CLUSTER_SUFFIX.length()) : kind;
        return prefix + "MachineTemplate";
    }

    @Override
    public String machineTemplateApiVersion(RenderContext context, Optional<Cluster.Machine> machine)
    {
        return named(machine).map(named -> text(named.apiVersion())).orElseGet(() -> apiVersion(context));
    }

    @Override
    public String machineTemplateKind(Optional<Cluster.Machine> machine)
    {
        return named(machine).map(named -> text(named.kind())).orElseGet(this::machineTemplateKind);
    }

    @Override
    public ObjectNode clusterSpec(RenderContext context)
    {
        return NODES.objectNode();
    }

    @Override
    public ObjectNode machineSpec(RenderContext context, Optional<Cluster.Machine> machine, boolean controlPlane)
    {
        return NODES.objectNode();
    }

    /** The machine when it names its template with both api_version and kind (the rules reject either alone). */
    private static Optional<Cluster.Machine> named(Optional<Cluster.Machine> machine)
    {
        return machine.filter(block -> block.apiVersion().isPresent() && block.kind().isPresent());
    }

    private static String text(Optional<Setting<String>> setting)
    {
        return setting.flatMap(Setting::known).orElse(RenderedObject.UNKNOWN_TEXT);
    }
}
