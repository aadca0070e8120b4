package dev.kiln.planner.graph;

import dev.kiln.lang.addr.InstanceKey;
import dev.kiln.lang.addr.ResourceAddress;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The instances of each resource in the graph, to resolve a reference to a whole resource into its instances. */
final class InstanceIndex
{
    private final Set<ResourceAddress> addresses;
    private final Map<ResourceAddress, List<ResourceAddress>> byResource = new HashMap<>();

    InstanceIndex(Set<ResourceAddress> addresses)
    {
        this.addresses = addresses;
        for (ResourceAddress address : addresses) {
            byResource.computeIfAbsent(address.withoutKey(), ignored -> new ArrayList<>()).add(address);
        }
    }

    /**
     * The instances a reference means: every instance of the resource for {@code all}, or for
     * an address without key that names no single instance; otherwise the one instance
     * (none when it is not in the graph).
     */
    List<ResourceAddress> matching(ResourceAddress target, boolean all)
    {
        if (all || (target.key().equals(InstanceKey.NONE) && !addresses.contains(target))) {
            return byResource.getOrDefault(target.withoutKey(), List.of());
        }
        return addresses.contains(target) ? List.of(target) : List.of();
    }
}
