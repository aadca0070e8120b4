package dev.kiln.providers.capi.render;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.lang.config.model.Cluster;
import dev.kiln.lang.config.model.Infrastructure;

import java.util.Optional;

import static dev.kiln.providers.capi.render.MarkedValues.NODES;

/**
 * Amazon Web Services (CAPA, infrastructure.cluster.x-k8s.io/v1beta2): AWSCluster with the
 * region and SSH key pair, AWSMachineTemplate with the instance type, AMI ({@code template}),
 * root volume size and CAPA's IAM instance profiles. In the EKS flavour (an empty
 * {@code control_plane {}}) the infrastructure cluster is an AWSManagedCluster and
 * {@link ManagedControlPlane} renders the control plane.
 */
record AwsFlavour(Infrastructure infrastructure, boolean managed)
        implements Flavour
{
    static final String API_VERSION = RenderContext.INFRASTRUCTURE_GROUP + "/v1beta2";
    static final String CONTROL_PLANE_PROFILE = "control-plane.cluster-api-provider-aws.sigs.k8s.io";
    static final String NODES_PROFILE = "nodes.cluster-api-provider-aws.sigs.k8s.io";

    @Override
    public String apiVersion(RenderContext context)
    {
        return API_VERSION;
    }

    @Override
    public String clusterKind()
    {
        return managed ? "AWSManagedCluster" : "AWSCluster";
    }

    @Override
    public String machineTemplateKind()
    {
        return "AWSMachineTemplate";
    }

    @Override
    public ObjectNode clusterSpec(RenderContext context)
    {
        ObjectNode spec = NODES.objectNode();
        if (managed) {
            return spec;
        }
        infrastructure.argument("region").ifPresent(region -> spec.set("region", MarkedValues.text(region)));
        infrastructure.argument("ssh_key_name").ifPresent(key -> spec.set("sshKeyName", MarkedValues.text(key)));
        return spec;
    }

    @Override
    public ObjectNode machineSpec(RenderContext context, Optional<Cluster.Machine> machine, boolean controlPlane)
    {
        ObjectNode spec = NODES.objectNode();
        machine.flatMap(Cluster.Machine::instanceType).or(() -> infrastructure.argument("instance_type"))
                .ifPresentOrElse(type -> spec.set("instanceType", MarkedValues.text(type)), () -> spec.put("instanceType", "t3.large"));
        spec.put("iamInstanceProfile", controlPlane ? CONTROL_PLANE_PROFILE : NODES_PROFILE);
        machine.flatMap(Cluster.Machine::sshKeyName).or(() -> infrastructure.argument("ssh_key_name"))
                .ifPresent(key -> spec.set("sshKeyName", MarkedValues.text(key)));
        machine.flatMap(Cluster.Machine::template).ifPresent(ami -> spec.putObject("ami").set("id", MarkedValues.text(ami)));
        machine.flatMap(Cluster.Machine::diskGibibytes).ifPresent(disk -> spec.putObject("rootVolume").set("size", MarkedValues.integer(disk)));
        return spec;
    }
}
