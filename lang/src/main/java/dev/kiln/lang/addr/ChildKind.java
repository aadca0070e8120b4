package dev.kiln.lang.addr;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A kind of resource instance that lives inside another one and is addressed through it:
 * {@code cluster.prod.pool["a"]} is a {@code worker_pool} instance, the child of
 * {@code cluster.prod} at segment {@code pool} with key {@code "a"}. {@code parentType} is the
 * type of the instance it lives in, {@code segment} the name written after the parent's
 * address, {@code type} the child's resource type, {@code block} the nested block of the
 * parent's configuration that declares a child, and {@code keyed} whether each child has a
 * key (one per labeled block, keyed by its label) or the parent has at most one child of the
 * kind (a single block).
 */
public record ChildKind(String parentType, String segment, String type, String block, boolean keyed)
{
    /** {@code worker_pool "a" {}} of {@code cluster "prod"}: {@code cluster.prod.pool["a"]}. */
    public static final ChildKind WORKER_POOL = new ChildKind("cluster", "pool", "worker_pool", "worker_pool", true);

    /** {@code backup {}} of {@code cluster "prod"}: its scheduled backups, {@code cluster.prod.backup}. */
    public static final ChildKind CLUSTER_BACKUP = new ChildKind("cluster", "backup", "cluster_backup", "backup", false);

    private static final List<ChildKind> KINDS = List.of(WORKER_POOL, CLUSTER_BACKUP);

    public ChildKind
    {
        requireNonNull(parentType, "parentType is null");
        requireNonNull(segment, "segment is null");
        requireNonNull(type, "type is null");
        requireNonNull(block, "block is null");
    }

    /** Every kind of child resource, in documentation order. */
    public static List<ChildKind> all()
    {
        return KINDS;
    }

    /** The kind written as {@code segment} after an address of type {@code parentType}. */
    public static Optional<ChildKind> find(String parentType, String segment)
    {
        requireNonNull(parentType, "parentType is null");
        requireNonNull(segment, "segment is null");
        return KINDS.stream().filter(kind -> kind.parentType.equals(parentType) && kind.segment.equals(segment)).findFirst();
    }

    /** The kinds of children an instance of {@code parentType} has. */
    public static List<ChildKind> of(String parentType)
    {
        requireNonNull(parentType, "parentType is null");
        return KINDS.stream().filter(kind -> kind.parentType.equals(parentType)).toList();
    }

    /** The kind whose children have resource type {@code type}. */
    public static Optional<ChildKind> ofType(String type)
    {
        requireNonNull(type, "type is null");
        return KINDS.stream().filter(kind -> kind.type.equals(type)).findFirst();
    }
}
