package dev.kiln.lang.config.model;

import dev.kiln.lang.config.schema.BlockSchema;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * The schemas of Kiln's own top-level blocks: {@code kiln}, {@code provider "kubeadm" |
 * "capi" | "sim"}, and the resource types {@code node}, {@code registry},
 * {@code backup_point} and {@code cluster}. The configuration loader decodes bodies with
 * these; {@code variable}, {@code locals} and {@code output} are the loader's own.
 */
public final class KilnSchemas
{
    public static final String KILN = "kiln";
    public static final String PROVIDER = "provider";
    public static final String NODE = "node";
    public static final String REGISTRY = "registry";
    public static final String BACKUP_POINT = "backup_point";
    public static final String CLUSTER = "cluster";

    private static final Set<String> TOP_LEVEL = Set.of(KILN, PROVIDER, NODE, REGISTRY, BACKUP_POINT, CLUSTER);
    private static final Map<String, BlockSchema> RESOURCES = Map.of(
            NODE, NodeSchema.NODE,
            REGISTRY, RegistrySchema.REGISTRY,
            BACKUP_POINT, BackupPointSchema.BACKUP_POINT,
            CLUSTER, ClusterSchema.CLUSTER);

    private KilnSchemas() {}

    /** The block types this class describes: kiln, provider, node, registry, backup_point, cluster. */
    public static Set<String> topLevelBlockTypes()
    {
        return TOP_LEVEL;
    }

    /** Whether blocks of this type declare resources (one label, the name; count/for_each allowed). */
    public static boolean isResourceType(String type)
    {
        return RESOURCES.containsKey(requireNonNull(type, "type is null"));
    }

    /** The resource types, in documentation order. */
    public static List<String> resourceTypes()
    {
        return List.of(NODE, REGISTRY, BACKUP_POINT, CLUSTER);
    }

    /** The provider types a {@code provider "X"} block may name, in documentation order. */
    public static List<String> providerTypes()
    {
        return ProviderSchemas.TYPES;
    }

    /**
     * The schema of a top-level block. For {@code provider} the first label selects the
     * provider's schema (empty when the label names no provider type); resource blocks
     * and {@code kiln} have one schema whatever their labels. Empty for other types.
     */
    public static Optional<BlockSchema> topLevel(String blockType, List<String> labels)
    {
        requireNonNull(blockType, "blockType is null");
        requireNonNull(labels, "labels is null");
        if (blockType.equals(KILN)) {
            return Optional.of(KilnBlockSchema.KILN);
        }
        if (blockType.equals(PROVIDER)) {
            return labels.isEmpty() ? Optional.empty() : ProviderSchemas.forType(labels.getFirst());
        }
        return Optional.ofNullable(RESOURCES.get(blockType));
    }
}
