package dev.kiln.planner.spi;

import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.value.Value;

import static java.util.Objects.requireNonNull;

/** Read the object recorded at {@code address} with value {@code prior}. */
public record RefreshRequest(ResourceAddress address, ResourceType type, Value prior)
{
    public RefreshRequest
    {
        requireNonNull(address, "address is null");
        requireNonNull(type, "type is null");
        requireNonNull(prior, "prior is null");
    }
}
