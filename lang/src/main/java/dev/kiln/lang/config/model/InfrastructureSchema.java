package dev.kiln.lang.config.model;

import dev.kiln.lang.config.schema.BlockSchema;
import dev.kiln.lang.value.Type;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.kiln.lang.config.schema.AttributeSchema.optional;

/**
 * {@code infrastructure "KIND" {...}}: the Cluster API infrastructure provider of a cluster.
 * One schema holds every kind's arguments; {@link #ARGUMENTS} says which apply to which kind,
 * and the model builder rejects the others.
 */
final class InfrastructureSchema
{
    static final Map<String, Set<String>> ARGUMENTS = Map.of(
            "docker", Set.of("spec"),
            "vsphere", Set.of("server", "datacenter", "datastore", "network", "resource_pool", "folder", "template", "thumbprint", "username", "password", "spec"),
            "openstack", Set.of("cloud", "clouds_yaml", "image", "flavor", "external_network", "ssh_key_name", "spec"),
            "aws", Set.of("region", "ssh_key_name", "instance_type", "spec"),
            "byoh", Set.of("spec"),
            "generic", Set.of("api_version", "kind", "spec"));

    static final List<String> KINDS = List.of("docker", "vsphere", "openstack", "aws", "byoh", "generic");

    static final BlockSchema INFRASTRUCTURE = BlockSchema.builder("kind")
            .attribute(optional("server", Type.STRING, "vsphere: the vCenter server's address."))
            .attribute(optional("datacenter", Type.STRING, "vsphere: the datacenter machines are created in."))
            .attribute(optional("datastore", Type.STRING, "vsphere: the datastore of the machines' disks."))
            .attribute(optional("network", Type.STRING, "vsphere: the network (port group) the machines attach to."))
            .attribute(optional("resource_pool", Type.STRING, "vsphere: the resource pool of the machines."))
            .attribute(optional("folder", Type.STRING, "vsphere: the VM folder of the machines."))
            .attribute(optional("template", Type.STRING, "vsphere: the default VM template to clone."))
            .attribute(optional("thumbprint", Type.STRING, "vsphere: the SHA-1 thumbprint of vCenter's certificate."))
            .attribute(optional("username", Type.STRING, "vsphere: the vCenter user."))
            .attribute(optional("password", Type.STRING, "vsphere: the vCenter user's password.").asSensitive())
            .attribute(optional("cloud", Type.STRING, "openstack: the cloud's name in clouds_yaml."))
            .attribute(optional("clouds_yaml", Type.STRING, "openstack: the clouds.yaml content with the credentials.").asSensitive())
            .attribute(optional("image", Type.STRING, "openstack: the default machine image."))
            .attribute(optional("flavor", Type.STRING, "openstack: the default machine flavor."))
            .attribute(optional("external_network", Type.STRING, "openstack: the external network's ID, for floating IPs."))
            .attribute(optional("ssh_key_name", Type.STRING, "openstack, aws: the SSH key pair installed on the machines."))
            .attribute(optional("region", Type.STRING, "aws: the region the cluster is created in."))
            .attribute(optional("instance_type", Type.STRING, "aws: the default instance type."))
            .attribute(optional("api_version", Type.STRING,
                    "generic: the infrastructure cluster's apiVersion, such as \"infrastructure.cluster.x-k8s.io/v1beta1\". Required for generic."))
            .attribute(optional("kind", Type.STRING, "generic: the infrastructure cluster's kind, such as \"MetalCluster\". Required for generic."))
            .attribute(optional("spec", Type.DYNAMIC, "Fields merged into the infrastructure cluster object's spec (for generic: its whole spec)."))
            .build();

    private InfrastructureSchema() {}
}
