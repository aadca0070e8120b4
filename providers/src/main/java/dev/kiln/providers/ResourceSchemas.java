package dev.kiln.providers;

import dev.kiln.lang.addr.ChildKind;
import dev.kiln.lang.config.model.KilnSchemas;
import dev.kiln.lang.config.schema.AttributeSchema;
import dev.kiln.lang.config.schema.BlockSchema;
import dev.kiln.lang.config.schema.NestedBlockSchema;
import dev.kiln.lang.value.Type;
import dev.kiln.planner.spi.ResourceSchema;
import dev.kiln.state.AttributePath;
import dev.kiln.state.PathStep;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.kiln.lang.config.schema.AttributeSchema.computed;
import static dev.kiln.lang.config.schema.AttributeSchema.optional;

/**
 * The planner's schema of each resource type: the language's block schema and the attributes
 * no provider can change in place — a node's address and Kubernetes name, a cluster's
 * networks, etcd topology and naming policy, a managed registry's node, a backup point's store.
 * A {@code worker_pool} is its own resource type ({@code cluster.prod.pool["a"]}, see
 * {@link ChildKind#WORKER_POOL}): the cluster's schema leaves out its {@code worker_pool}
 * blocks, and a pool's schema is the block's, with the Kubernetes version it runs (its
 * cluster's, inherited) and what the provider observes of it.
 */
public final class ResourceSchemas
{
    /** The resource type of worker pools, {@link ChildKind#WORKER_POOL}'s. */
    public static final String WORKER_POOL = "worker_pool";

    /** The resource type of a cluster's scheduled backups, {@link ChildKind#CLUSTER_BACKUP}'s: {@code cluster.prod.backup}. */
    public static final String CLUSTER_BACKUP = "cluster_backup";

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

    private static final BlockSchema CLUSTER = withoutBlock(KilnSchemas.topLevel(KilnSchemas.CLUSTER, List.of()).orElseThrow(), ChildKind.WORKER_POOL.block());
    private static final BlockSchema POOL = pool(KilnSchemas.topLevel(KilnSchemas.CLUSTER, List.of()).orElseThrow()
            .blocks().get(ChildKind.WORKER_POOL.block()).schema());

    private static final BlockSchema BACKUP = KilnSchemas.topLevel(KilnSchemas.CLUSTER, List.of()).orElseThrow()
            .blocks().get(ChildKind.CLUSTER_BACKUP.block()).schema();

    private ResourceSchemas() {}

    /** The resource type names, in documentation order: node, registry, backup_point, cluster, worker_pool, cluster_backup. */
    public static List<String> typeNames()
    {
        return Stream.concat(KilnSchemas.resourceTypes().stream(), Stream.of(WORKER_POOL, CLUSTER_BACKUP)).toList();
    }

    /** The schema of resource type {@code type}, one of {@link #typeNames()}. */
    public static ResourceSchema of(String type)
    {
        if (type.equals(WORKER_POOL)) {
            return ResourceSchema.of(POOL);
        }
        if (type.equals(CLUSTER_BACKUP)) {
            return ResourceSchema.of(BACKUP);
        }
        if (!KilnSchemas.isResourceType(type)) {
            throw new IllegalArgumentException("not a resource type: " + type);
        }
        BlockSchema block = type.equals(KilnSchemas.CLUSTER) ? CLUSTER : KilnSchemas.topLevel(type, List.of()).orElseThrow();
        return ResourceSchema.of(block, FORCING.getOrDefault(type, List.of()).toArray(AttributePath[]::new));
    }

    private static BlockSchema withoutBlock(BlockSchema schema, String block)
    {
        Map<String, NestedBlockSchema> blocks = new LinkedHashMap<>(schema.blocks());
        blocks.remove(block);
        return new BlockSchema(schema.labelNames(), schema.attributes(), blocks);
    }

    private static BlockSchema pool(BlockSchema block)
    {
        Map<String, AttributeSchema> attributes = new LinkedHashMap<>(block.attributes());
        attributes.put("kubernetes_version", optional("kubernetes_version", Type.STRING,
                "The Kubernetes version the pool's nodes are to run: its cluster's kubernetes_version, which Kiln sets."));
        attributes.put("current_version", computed("current_version", Type.STRING, "The oldest Kubernetes version the pool's nodes run, as last observed."));
        attributes.put("status", computed("status", Type.STRING, "The pool's state as last observed: provisioning, running, degraded or failed."));
        return new BlockSchema(block.labelNames(), attributes, block.blocks());
    }

    private static AttributePath nested(String block, String attribute)
    {
        return AttributePath.of(new PathStep.Attribute(block), new PathStep.Attribute(attribute));
    }
}
