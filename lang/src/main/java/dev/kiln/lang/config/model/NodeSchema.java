package dev.kiln.lang.config.model;

import dev.kiln.lang.config.schema.BlockSchema;
import dev.kiln.lang.config.schema.NestedBlockSchema;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;

import static dev.kiln.lang.config.schema.AttributeSchema.computed;
import static dev.kiln.lang.config.schema.AttributeSchema.optional;
import static dev.kiln.lang.config.schema.AttributeSchema.required;

/** {@code node "name" { address, ssh {...}, labels, taints, roles, region }}: a machine Kiln reaches over SSH. */
final class NodeSchema
{
    static final String DEFAULT_USER = "root";
    static final int DEFAULT_SSH_PORT = 22;

    static final BlockSchema BASTION = BlockSchema.builder()
            .attribute(required("address", Type.STRING, "The jump host's IP address or DNS name."))
            .attribute(optional("port", Type.NUMBER, Value.number(DEFAULT_SSH_PORT), "The jump host's SSH port."))
            .attribute(optional("user", Type.STRING, Value.string(DEFAULT_USER), "The user to log in to the jump host as."))
            .attribute(optional("private_key", Type.STRING, "The jump host's private key in OpenSSH or PEM form (use file(\"...\")).").asSensitive())
            .attribute(optional("password", Type.STRING, "The jump host's password, when it takes no key.").asSensitive())
            .attribute(optional("host_key", Type.STRING, "The jump host's public host key (\"ssh-ed25519 AAAA...\"), checked on connect."))
            .build();

    static final BlockSchema SSH = BlockSchema.builder()
            .attribute(optional("user", Type.STRING, Value.string(DEFAULT_USER), "The user Kiln logs in as."))
            .attribute(optional("port", Type.NUMBER, Value.number(DEFAULT_SSH_PORT), "The SSH port."))
            .attribute(optional("private_key", Type.STRING,
                    "The private key in OpenSSH or PEM form (use file(\"...\")). Without a key or password Kiln tries ~/.ssh/id_ed25519, id_ecdsa and id_rsa.").asSensitive())
            .attribute(optional("passphrase", Type.STRING, "The passphrase of an encrypted private_key.").asSensitive())
            .attribute(optional("password", Type.STRING, "The login password, for hosts without key authentication.").asSensitive())
            .attribute(optional("sudo", Type.BOOL, Value.bool(false),
                    "Whether commands run through sudo (needed when user is not root)."))
            .attribute(optional("sudo_password", Type.STRING, "The password sudo asks for, when it asks.").asSensitive())
            .attribute(optional("host_key", Type.STRING,
                    "The node's public host key (\"ssh-ed25519 AAAA...\"); connections to a host presenting another key fail."))
            .attribute(optional("trust_on_first_use", Type.BOOL, Value.bool(false),
                    "Without host_key: accept the key the host presents the first time and record it in the state."))
            .block("bastion", NestedBlockSchema.single(BASTION, "A jump host the connection goes through (ssh -J)."))
            .build();

    static final BlockSchema NODE = BlockSchema.builder("name")
            .attribute(required("address", Type.STRING, "The IP address (or DNS name) Kiln connects to and the cluster uses for the node."))
            .attribute(optional("node_name", Type.STRING,
                    "The Kubernetes node name. Defaults to the block's name, with \"-INDEX\" or \"-KEY\" appended for count and for_each instances."))
            .attribute(optional("region", Type.STRING, "A region or zone the node belongs to; also set as the topology.kubernetes.io/region label."))
            .attribute(optional("roles", AttributeTypes.STRING_LIST,
                    "What the node is meant for: any of \"control-plane\", \"worker\", \"etcd\", \"registry\". Informational; clusters assign nodes."))
            .attribute(optional("labels", AttributeTypes.STRING_MAP, "Kubernetes labels set on the node."))
            .attribute(optional("taints", AttributeTypes.STRING_LIST,
                    "Kubernetes taints set on the node, written as kubectl does: \"key=value:NoSchedule\" or \"key:NoExecute\"."))
            .attribute(computed("hostname", Type.STRING, "The host name the node reports."))
            .attribute(computed("os", Type.STRING, "The operating system's ID and version, such as \"ubuntu 22.04\"."))
            .attribute(computed("architecture", Type.STRING, "The CPU architecture: amd64 or arm64."))
            .attribute(computed("facts", AttributeTypes.STRING_MAP, "Facts gathered from the host: kernel, CPUs, memory, disks."))
            .block("ssh", NestedBlockSchema.single(SSH, "How Kiln reaches the node over SSH. Defaults to root on port 22 with the user's default keys (~/.ssh/id_*)."))
            .build();

    private NodeSchema() {}
}
