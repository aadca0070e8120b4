package dev.kiln.providers.capi.render;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.lang.config.model.Cluster;
import dev.kiln.lang.config.model.Infrastructure;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.kiln.providers.capi.render.MarkedValues.NODES;

/**
 * OpenStack (CAPO, infrastructure.cluster.x-k8s.io/v1beta1): OpenStackCluster naming its
 * cloud in the {@code <cluster>-cloud-config} Secret (the clouds.yaml) and the external
 * network; OpenStackMachineTemplate with the flavor ({@code instance_type} or
 * {@code flavor}), the image ({@code template} or {@code image}) and the SSH key pair.
 */
record OpenstackFlavour(Infrastructure infrastructure)
        implements Flavour
{
    static final String API_VERSION = RenderContext.INFRASTRUCTURE_GROUP + "/v1beta1";
    static final String CLOUD_CONFIG_ROLE = "cloud-config";
    static final String CLOUDS_YAML_KEY = "clouds.yaml";

    @Override
    public String apiVersion(RenderContext context)
    {
        return API_VERSION;
    }

    @Override
    public String clusterKind()
    {
        return "OpenStackCluster";
    }

    @Override
    public String machineTemplateKind()
    {
        return "OpenStackMachineTemplate";
    }

    @Override
    public ObjectNode clusterSpec(RenderContext context)
    {
        ObjectNode spec = NODES.objectNode();
        if (infrastructure.argument("clouds_yaml").isPresent()) {
            ObjectNode identity = spec.putObject("identityRef");
            identity.put("name", context.name(CLOUD_CONFIG_ROLE));
            identity.set("cloudName", infrastructure.argument("cloud").map(MarkedValues::text).orElse(NODES.textNode("openstack")));
        }
        infrastructure.argument("external_network").ifPresent(network -> spec.putObject("externalNetwork").set("id", MarkedValues.text(network)));
        return spec;
    }

    @Override
    public ObjectNode machineSpec(RenderContext context, Optional<Cluster.Machine> machine, boolean controlPlane)
    {
        ObjectNode spec = NODES.objectNode();
        machine.flatMap(Cluster.Machine::instanceType).or(() -> infrastructure.argument("flavor"))
                .ifPresent(flavor -> spec.set("flavor", MarkedValues.text(flavor)));
        machine.flatMap(Cluster.Machine::template).or(() -> infrastructure.argument("image"))
                .ifPresent(image -> spec.putObject("image").putObject("filter").set("name", MarkedValues.text(image)));
        machine.flatMap(Cluster.Machine::sshKeyName).or(() -> infrastructure.argument("ssh_key_name"))
                .ifPresent(key -> spec.set("sshKeyName", MarkedValues.text(key)));
        machine.flatMap(Cluster.Machine::diskGibibytes).ifPresent(disk -> spec.putObject("rootVolume").set("sizeGiB", MarkedValues.integer(disk)));
        return spec;
    }

    @Override
    public List<ObjectNode> secrets(RenderContext context)
    {
        return infrastructure.argument("clouds_yaml")
                .map(cloudsYaml -> List.of(Secrets.secret(context, context.name(CLOUD_CONFIG_ROLE), Map.of(CLOUDS_YAML_KEY, cloudsYaml))))
                .orElse(List.of());
    }
}
