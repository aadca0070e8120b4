package dev.kiln.providers;

import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.value.Value;

import java.util.SortedMap;

/**
 * Adopts an object that exists outside Kiln's state ({@code kiln import}): reads it and
 * answers the values to record — for {@code address} and for those of its child instances
 * (worker pools) whose objects exist — so the next plan shows only how they differ from the
 * configuration. {@code configured} holds the configured values of {@code address} and of
 * its configured children (computed attributes unknown); {@code id} names the object in the
 * provider's terms ({@code NAMESPACE/NAME} for Cluster API). A wrong id or a missing object is
 * an {@link IllegalArgumentException} whose message says what to fix.
 */
@FunctionalInterface
public interface Importer
{
    SortedMap<ResourceAddress, Value> read(ResourceAddress address, String id, SortedMap<ResourceAddress, Value> configured);
}
