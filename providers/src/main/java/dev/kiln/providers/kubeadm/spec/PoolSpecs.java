package dev.kiln.providers.kubeadm.spec;

import dev.kiln.lang.addr.InstanceKey;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.value.Value;

import java.util.List;
import java.util.Optional;

/** Reads a worker pool value ({@code cluster.prod.pool["a"]}) into a {@link ClusterSpec.Pool} and its version. */
public final class PoolSpecs
{
    private PoolSpecs() {}

    /** {@code a} for {@code cluster.prod.pool["a"]}. */
    public static String name(ResourceAddress address)
    {
        return switch (address.key()) {
            case InstanceKey.Key key -> key.value();
            case InstanceKey.Index index -> Integer.toString(index.value());
            case InstanceKey.None ignored -> address.name();
        };
    }

    /** The pool's parts; empty when its nodes are not known yet. */
    public static Optional<ClusterSpec.Pool> of(ResourceAddress address, Value pool, NodeNames names)
    {
        Optional<List<NodeSpec>> nodes = ClusterSpecs.nodes(pool, names);
        return nodes.map(members -> new ClusterSpec.Pool(name(address), members, Values.string(pool, "max_unavailable").orElse("1"),
                Values.stringMap(pool, "labels"), Values.strings(pool, "taints")));
    }

    public static Optional<String> version(Value pool)
    {
        return Values.string(pool, "kubernetes_version");
    }
}
