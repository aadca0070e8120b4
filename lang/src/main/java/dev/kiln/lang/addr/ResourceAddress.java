package dev.kiln.lang.addr;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A resource instance's address: {@code node.m1}, {@code node.w[2]},
 * {@code cluster.prod}, {@code node.by_zone["a"]}, or a child instance addressed through its
 * parent ({@link ChildKind}): {@code cluster.prod.pool["a"]}, {@code cluster.prod[0].pool["a"]}.
 * A child's {@code type} is its resource type ({@code worker_pool}), its {@code name} the
 * segment written after the parent ({@code pool}) and {@code parent} the instance it lives in.
 * One canonical string form; ordered by type, name, then key (numbers numerically), with a
 * child right after its parent, so everything keyed by address renders stably.
 */
public record ResourceAddress(String type, String name, InstanceKey key, Optional<ResourceAddress> parent)
        implements Comparable<ResourceAddress>
{
    public ResourceAddress
    {
        requireNonNull(type, "type is null");
        requireNonNull(name, "name is null");
        requireNonNull(key, "key is null");
        requireNonNull(parent, "parent is null");
    }

    /** A top-level instance's address. */
    public ResourceAddress(String type, String name, InstanceKey key)
    {
        this(type, name, key, Optional.empty());
    }

    public static ResourceAddress of(String type, String name)
    {
        return new ResourceAddress(type, name, InstanceKey.NONE);
    }

    /**
     * The address of this instance's child written {@code segment} ({@code pool}), with
     * {@code key} ({@link InstanceKey#NONE} for a kind without keys).
     *
     * @throws IllegalArgumentException when no {@link ChildKind} of this type is written {@code segment}
     */
    public ResourceAddress child(String segment, InstanceKey key)
    {
        requireNonNull(segment, "segment is null");
        ChildKind kind = ChildKind.find(type, segment)
                .orElseThrow(() -> new IllegalArgumentException("a " + type + " has no child resources written ." + segment));
        return child(kind, key);
    }

    /** The address of this instance's child of {@code kind}, with {@code key}. */
    public ResourceAddress child(ChildKind kind, InstanceKey key)
    {
        requireNonNull(kind, "kind is null");
        requireNonNull(key, "key is null");
        if (!kind.parentType().equals(type)) {
            throw new IllegalArgumentException(kind.type() + " instances live in " + kind.parentType() + " instances, not in " + this);
        }
        if (kind.keyed() == key.equals(InstanceKey.NONE)) {
            throw new IllegalArgumentException(kind.keyed() ? kind.type() + " addresses need a key" : kind.type() + " addresses have no key");
        }
        return new ResourceAddress(kind.type(), kind.segment(), key, Optional.of(this));
    }

    /** Whether this is a child instance's address ({@code cluster.prod.pool["a"]}). */
    public boolean isChild()
    {
        return parent.isPresent();
    }

    /**
     * The label of the block that declares the instance: its name ({@code cluster "demo"}), or
     * for a child its key's value ({@code worker_pool "default"} declares
     * {@code cluster.demo.pool["default"]}).
     */
    public String blockLabel()
    {
        if (parent.isEmpty()) {
            return name;
        }
        return switch (key) {
            case InstanceKey.Key text -> text.value();
            case InstanceKey.Index index -> Integer.toString(index.value());
            case InstanceKey.None ignored -> name;
        };
    }

    /** The top-level instance this address is, or lives in. */
    public ResourceAddress root()
    {
        return parent.map(ResourceAddress::root).orElse(this);
    }

    /** The address without its instance key: the resource as declared (a child keeps its parent). */
    public ResourceAddress withoutKey()
    {
        return key.equals(InstanceKey.NONE) ? this : new ResourceAddress(type, name, InstanceKey.NONE, parent);
    }

    @Override
    public int compareTo(ResourceAddress other)
    {
        if (parent.isEmpty() && other.parent.isEmpty()) {
            return compareLevel(this, other, true);
        }
        int depth = depth();
        int otherDepth = other.depth();
        int common = Math.min(depth, otherDepth);
        ResourceAddress mine = ancestor(depth - common);
        ResourceAddress theirs = other.ancestor(otherDepth - common);
        int byAncestors = compareSameDepth(mine, theirs, common);
        return byAncestors != 0 ? byAncestors : Integer.compare(depth, otherDepth);
    }

    /** Compares two addresses {@code depth} levels deep, root first, without allocating. */
    private static int compareSameDepth(ResourceAddress left, ResourceAddress right, int depth)
    {
        if (depth == 0) {
            return compareLevel(left, right, true);
        }
        int byParents = compareSameDepth(left.parent.orElseThrow(), right.parent.orElseThrow(), depth - 1);
        return byParents != 0 ? byParents : compareLevel(left, right, false);
    }

    private static int compareLevel(ResourceAddress left, ResourceAddress right, boolean topLevel)
    {
        if (topLevel) {
            int byType = left.type.compareTo(right.type);
            if (byType != 0) {
                return byType;
            }
        }
        int byName = left.name.compareTo(right.name);
        return byName != 0 ? byName : left.key.compareTo(right.key);
    }

    /** How many parents the address has: 0 for a top-level instance. */
    private int depth()
    {
        int depth = 0;
        for (ResourceAddress level = this; level.parent.isPresent(); level = level.parent.get()) {
            depth++;
        }
        return depth;
    }

    private ResourceAddress ancestor(int levels)
    {
        ResourceAddress level = this;
        for (int step = 0; step < levels; step++) {
            level = level.parent.orElseThrow();
        }
        return level;
    }

    @Override
    public String toString()
    {
        return parent.map(ResourceAddress::toString).orElse(type) + "." + name + key;
    }
}
