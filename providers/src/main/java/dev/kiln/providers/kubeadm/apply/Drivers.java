package dev.kiln.providers.kubeadm.apply;

import dev.kiln.executors.apply.Driver;
import dev.kiln.lang.config.model.KilnSchemas;
import dev.kiln.providers.ResourceSchemas;

import java.util.Map;

/** The kubeadm provider's driver of each resource type it manages. */
public final class Drivers
{
    private Drivers() {}

    public static Map<String, Driver> all(Environment environment)
    {
        return Map.of(
                KilnSchemas.NODE, new NodeDriver(environment),
                KilnSchemas.CLUSTER, new ClusterDriver(environment),
                ResourceSchemas.WORKER_POOL, new PoolDriver(environment),
                KilnSchemas.REGISTRY, new RegistryDriver(environment));
    }
}
