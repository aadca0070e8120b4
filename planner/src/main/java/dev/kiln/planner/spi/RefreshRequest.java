package dev.kiln.planner.spi;

import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.value.Value;

import static java.util.Objects.requireNonNull;

/**
 * Read the object recorded at {@code address} with value {@code prior}, through
 * {@code provider}: the provider configuration the planner decided the instance uses
 * ({@code sim}, {@code capi.east}).
 */
public record RefreshRequest(ResourceAddress address, String provider, ResourceType type, Value prior)
{
    public RefreshRequest
    {
        requireNonNull(address, "address is null");
        requireNonNull(provider, "provider is null");
        requireNonNull(type, "type is null");
        requireNonNull(prior, "prior is null");
    }
}
