package dev.kiln.lang.config.model;

import dev.kiln.lang.addr.InstanceKey;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.config.schema.DecodedBlock;
import dev.kiln.lang.config.schema.DecodedInstance;
import dev.kiln.lang.diag.Diagnostics;
import dev.kiln.lang.diag.SourceRange;

import java.util.Optional;

/** Builds a {@link Node} from a decoded {@code node} instance. */
final class NodeBuilder
{
    private NodeBuilder() {}

    static Node build(DecodedInstance instance, Diagnostics diagnostics)
    {
        DecodedBlock block = instance.block();
        BlockReader reader = new BlockReader(block, diagnostics);
        SourceRange header = reader.headerRange();
        return new Node(
                instance.address(),
                reader.string("address", ""),
                reader.string("node_name").orElseGet(() -> Setting.known(defaultNodeName(instance.address()), header)),
                reader.string("region"),
                reader.strings("roles"),
                reader.stringMap("labels"),
                reader.strings("taints"),
                block.block("ssh").map(ssh -> ssh(ssh, diagnostics)).orElseGet(() -> defaultSsh(header)),
                block.range());
    }

    /** {@code m1} for {@code node.m1}, {@code w-2} for {@code node.w[2]}, {@code edge-a} for {@code node.edge["a"]}. */
    static String defaultNodeName(ResourceAddress address)
    {
        return switch (address.key()) {
            case InstanceKey.None ignored -> address.name();
            case InstanceKey.Index index -> address.name() + "-" + index.value();
            case InstanceKey.Key key -> address.name() + "-" + key.value();
        };
    }

    private static Node.Ssh ssh(DecodedBlock block, Diagnostics diagnostics)
    {
        BlockReader reader = new BlockReader(block, diagnostics);
        return new Node.Ssh(
                reader.string("user", NodeSchema.DEFAULT_USER),
                reader.integer("port", NodeSchema.DEFAULT_SSH_PORT),
                reader.string("private_key"),
                reader.string("passphrase"),
                reader.string("password"),
                reader.bool("sudo", false),
                reader.string("sudo_password"),
                reader.string("host_key"),
                reader.bool("trust_on_first_use", false),
                block.block("bastion").map(bastion -> bastion(bastion, diagnostics)));
    }

    private static Node.Bastion bastion(DecodedBlock block, Diagnostics diagnostics)
    {
        BlockReader reader = new BlockReader(block, diagnostics);
        return new Node.Bastion(
                reader.string("address", ""),
                reader.integer("port", NodeSchema.DEFAULT_SSH_PORT),
                reader.string("user", NodeSchema.DEFAULT_USER),
                reader.string("private_key"),
                reader.string("password"),
                reader.string("host_key"));
    }

    private static Node.Ssh defaultSsh(SourceRange range)
    {
        return new Node.Ssh(
                Setting.known(NodeSchema.DEFAULT_USER, range),
                Setting.known(NodeSchema.DEFAULT_SSH_PORT, range),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Setting.known(false, range),
                Optional.empty(),
                Optional.empty(),
                Setting.known(false, range),
                Optional.empty());
    }
}
