package dev.kiln.providers;

import dev.kiln.lang.config.model.KilnSchemas;
import dev.kiln.planner.spi.ResourceSchema;
import dev.kiln.state.AttributePath;
import dev.kiln.state.PathStep;

import java.util.List;
import java.util.Map;

/**
 * The planner's schema of each resource type: the language's block schema and the attributes
 * no provider can change in place — a node's address and Kubernetes name, a cluster's
 * networks, etcd topology and naming policy, a managed registry's node, a backup point's store.
 */
public final class ResourceSchemas
{
    private static final Map<String, List<AttributePath>> FORCING = Map.of(
            KilnSchemas.NODE, List.of(
                    AttributePath.attribute("address"),
                    AttributePath.attribute("node_name")),
            KilnSchemas.CLUSTER, List.of(
                    nested("network", "ip_family"),
                    nested("network", "pod_cidr"),
                    nested("network", "service_cidr"),
                    nested("network", "dns_domain"),
                    nested("etcd", "type"),
                    AttributePath.attribute("naming_policy")),
            KilnSchemas.REGISTRY, List.of(
                    nested("managed", "node")),
            KilnSchemas.BACKUP_POINT, List.of(
                    AttributePath.attribute("fs"),
                    AttributePath.attribute("s3")));

    private ResourceSchemas() {}

    /** The resource type names, in documentation order: node, registry, backup_point, cluster. */
    public static List<String> typeNames()
    {
        return KilnSchemas.resourceTypes();
    }

    /** The schema of resource type {@code type}, one of {@link #typeNames()}. */
    public static ResourceSchema of(String type)
    {
        if (!KilnSchemas.isResourceType(type)) {
            throw new IllegalArgumentException("not a resource type: " + type);
        }
        return ResourceSchema.of(KilnSchemas.topLevel(type, List.of()).orElseThrow(),
                FORCING.getOrDefault(type, List.of()).toArray(AttributePath[]::new));
    }

    private static AttributePath nested(String block, String attribute)
    {
        return AttributePath.of(new PathStep.Attribute(block), new PathStep.Attribute(attribute));
    }
}
