package dev.kiln.planner.spi;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/** The resource types a plan may use, by name. */
public final class ResourceTypes
{
    private final SortedMap<String, ResourceType> types;

    private ResourceTypes(SortedMap<String, ResourceType> types)
    {
        this.types = Collections.unmodifiableSortedMap(types);
    }

    public static ResourceTypes of(Collection<ResourceType> types)
    {
        TreeMap<String, ResourceType> byName = new TreeMap<>();
        for (ResourceType type : requireNonNull(types, "types is null")) {
            if (byName.put(type.name(), type) != null) {
                throw new IllegalArgumentException("resource type " + type.name() + " registered twice");
            }
        }
        return new ResourceTypes(byName);
    }

    public static ResourceTypes of(ResourceType... types)
    {
        return of(List.of(types));
    }

    public Optional<ResourceType> find(String name)
    {
        return Optional.ofNullable(types.get(requireNonNull(name, "name is null")));
    }

    /** The registered names, sorted. */
    public List<String> names()
    {
        return List.copyOf(types.keySet());
    }
}
