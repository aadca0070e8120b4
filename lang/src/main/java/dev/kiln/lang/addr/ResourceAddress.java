package dev.kiln.lang.addr;

import static java.util.Objects.requireNonNull;

/**
 * A resource instance's address: {@code node.m1}, {@code node.w[2]},
 * {@code cluster.prod}, {@code node.by_zone["a"]}. One canonical string form; ordered by
 * type, name, then key (numbers numerically), so everything keyed by address renders stably.
 */
public record ResourceAddress(String type, String name, InstanceKey key)
        implements Comparable<ResourceAddress>
{
    public ResourceAddress
    {
        requireNonNull(type, "type is null");
        requireNonNull(name, "name is null");
        requireNonNull(key, "key is null");
    }

    public static ResourceAddress of(String type, String name)
    {
        return new ResourceAddress(type, name, InstanceKey.NONE);
    }

    /** The address without its instance key: the resource as declared. */
    public ResourceAddress withoutKey()
    {
        return new ResourceAddress(type, name, InstanceKey.NONE);
    }

    @Override
    public int compareTo(ResourceAddress other)
    {
        int byType = type.compareTo(other.type);
        if (byType != 0) {
            return byType;
        }
        int byName = name.compareTo(other.name);
        return byName != 0 ? byName : key.compareTo(other.key);
    }

    @Override
    public String toString()
    {
        return type + "." + name + key;
    }
}
