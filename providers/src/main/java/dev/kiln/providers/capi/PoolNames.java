package dev.kiln.providers.capi;

import dev.kiln.lang.addr.InstanceKey;
import dev.kiln.lang.addr.ResourceAddress;

/** A worker pool instance ({@code cluster.prod.pool["md-0"]}): its cluster, its name, and its MachineDeployment's name. */
final class PoolNames
{
    private PoolNames() {}

    static ResourceAddress cluster(ResourceAddress pool)
    {
        return pool.parent().orElseThrow(() -> new IllegalArgumentException(pool + " is not a worker pool address"));
    }

    static String pool(ResourceAddress pool)
    {
        return switch (pool.key()) {
            case InstanceKey.Key key -> key.value();
            case InstanceKey.Index index -> String.valueOf(index.value());
            case InstanceKey.None ignored -> pool.name();
        };
    }

    static String deployment(ResourceAddress pool)
    {
        return CapiNames.pool(CapiNames.cluster(cluster(pool)), pool(pool));
    }
}
