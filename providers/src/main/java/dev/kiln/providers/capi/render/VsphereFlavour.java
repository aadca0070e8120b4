package dev.kiln.providers.capi.render;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.lang.config.model.Cluster;
import dev.kiln.lang.config.model.Infrastructure;
import dev.kiln.lang.config.model.Setting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.kiln.providers.capi.render.MarkedValues.NODES;

/**
 * VMware vSphere (CAPV, infrastructure.cluster.x-k8s.io/v1beta1): VSphereCluster with the
 * vCenter server, its thumbprint, the control plane's endpoint (a virtual IP) and the
 * credentials Secret {@code <cluster>-vsphere-credentials}; VSphereMachineTemplate cloning
 * {@code template} into the datacenter, datastore, folder, resource pool and network given,
 * sized by the machine's {@code cpus}, {@code memory_mib} and {@code disk_gib}.
 */
record VsphereFlavour(Infrastructure infrastructure)
        implements Flavour
{
    static final String API_VERSION = RenderContext.INFRASTRUCTURE_GROUP + "/v1beta1";
    static final String CREDENTIALS_ROLE = "vsphere-credentials";

    @Override
    public String apiVersion(RenderContext context)
    {
        return API_VERSION;
    }

    @Override
    public String clusterKind()
    {
        return "VSphereCluster";
    }

    @Override
    public String machineTemplateKind()
    {
        return "VSphereMachineTemplate";
    }

    @Override
    public ObjectNode clusterSpec(RenderContext context)
    {
        ObjectNode spec = NODES.objectNode();
        infrastructure.argument("server").ifPresent(server -> spec.set("server", MarkedValues.text(server)));
        thumbprint().ifPresent(thumbprint -> spec.set("thumbprint", MarkedValues.text(thumbprint)));
        Endpoint.of(context.cluster()).ifPresent(endpoint -> spec.set("controlPlaneEndpoint", endpoint));
        if (hasCredentials()) {
            spec.putObject("identityRef").put("kind", "Secret").put("name", context.name(CREDENTIALS_ROLE));
        }
        return spec;
    }

    @Override
    public ObjectNode machineSpec(RenderContext context, Optional<Cluster.Machine> machine, boolean controlPlane)
    {
        ObjectNode spec = NODES.objectNode();
        for (String argument : List.of("server", "datacenter", "datastore", "folder")) {
            infrastructure.argument(argument).ifPresent(value -> spec.set(argument, MarkedValues.text(value)));
        }
        infrastructure.argument("resource_pool").ifPresent(pool -> spec.set("resourcePool", MarkedValues.text(pool)));
        machine.flatMap(Cluster.Machine::template).or(() -> infrastructure.argument("template"))
                .ifPresent(template -> spec.set("template", MarkedValues.text(template)));
        thumbprint().ifPresent(thumbprint -> spec.set("thumbprint", MarkedValues.text(thumbprint)));
        machine.flatMap(Cluster.Machine::cpus).ifPresent(cpus -> spec.set("numCPUs", MarkedValues.integer(cpus)));
        machine.flatMap(Cluster.Machine::memoryMebibytes).ifPresent(memory -> spec.set("memoryMiB", MarkedValues.integer(memory)));
        machine.flatMap(Cluster.Machine::diskGibibytes).ifPresent(disk -> spec.set("diskGiB", MarkedValues.integer(disk)));
        infrastructure.argument("network").ifPresent(network -> spec.putObject("network").putArray("devices").addObject()
                .<ObjectNode>set("networkName", MarkedValues.text(network))
                .put("dhcp4", true));
        return spec;
    }

    @Override
    public List<ObjectNode> secrets(RenderContext context)
    {
        if (!hasCredentials()) {
            return List.of();
        }
        Map<String, Setting<String>> entries = new LinkedHashMap<>();
        infrastructure.argument("username").ifPresent(username -> entries.put("username", username));
        infrastructure.argument("password").ifPresent(password -> entries.put("password", password));
        return List.of(Secrets.secret(context, context.name(CREDENTIALS_ROLE), entries));
    }

    private boolean hasCredentials()
    {
        return infrastructure.argument("username").isPresent() || infrastructure.argument("password").isPresent();
    }

    /** An empty thumbprint means "trust the system CAs": no field at all. */
    private Optional<Setting<String>> thumbprint()
    {
        return infrastructure.argument("thumbprint").filter(thumbprint -> !thumbprint.known().map(String::isEmpty).orElse(false));
    }
}
