package dev.kiln.providers.sim;

import dev.kiln.lang.addr.InstanceKey;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.value.Value;

import java.util.Optional;

/**
 * A worker pool value ({@code cluster.prod.pool["a"]}) read as the simulator needs it: the
 * Kubernetes version its nodes are to run, and its members and rolling-update batch as a
 * {@link ClusterShape.Group} named by the pool. Replica members are named after the cluster
 * and pool ({@code prod-a-0}), as they were when pools were part of the cluster.
 */
record PoolShape(String cluster, Optional<String> version, ClusterShape.Group group)
{
    static PoolShape of(Value pool, ResourceAddress address)
    {
        ResourceAddress cluster = address.parent().orElseThrow(() -> new IllegalArgumentException(address + " is not a worker pool address"));
        String name = name(address);
        return new PoolShape(cluster.toString(), ValueParts.string(pool, "kubernetes_version"),
                ClusterShape.group(name, pool, Names.hostname(cluster), Names.label(name)));
    }

    /** The pool's name: its address's key. */
    static String name(ResourceAddress address)
    {
        return switch (address.key()) {
            case InstanceKey.Key key -> key.value();
            case InstanceKey.Index index -> Integer.toString(index.value());
            case InstanceKey.None ignored -> throw new IllegalArgumentException(address + " has no pool name");
        };
    }
}
