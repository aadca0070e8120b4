package dev.kiln.providers;

import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.value.Value;

/**
 * Adopts an object that exists outside Kiln's state ({@code kiln import}): reads it and
 * answers the value to record for {@code address}, so the next plan shows only how it differs
 * from the configuration. {@code configured} is the configured value of the instance (computed
 * attributes unknown); {@code id} names the object in the provider's terms
 * ({@code NAMESPACE/NAME} for Cluster API). A wrong id or a missing object is an
 * {@link IllegalArgumentException} whose message says what to fix.
 */
@FunctionalInterface
public interface Importer
{
    Value read(ResourceAddress address, String id, Value configured);
}
