package dev.kiln.planner.spi;

import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.value.Value;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One question to a {@link DiffRule}. {@code provider} is the provider configuration the
 * planner decided the instance uses ({@code sim}, {@code capi.east}; empty text when there
 * is none). {@code prior} is the recorded value (empty: the
 * instance does not exist yet); {@code desired} is the configured value with computed
 * attributes the configuration does not set taken from {@code prior} or unknown (empty: the
 * instance is no longer configured, or the plan destroys). Values are objects of the
 * schema's {@link ResourceSchema#impliedType()}, with sensitive parts marked.
 */
public record DiffRequest(ResourceAddress address, String provider, ResourceSchema schema, Optional<Value> prior, Optional<Value> desired)
{
    public DiffRequest
    {
        requireNonNull(address, "address is null");
        requireNonNull(provider, "provider is null");
        requireNonNull(schema, "schema is null");
        requireNonNull(prior, "prior is null");
        requireNonNull(desired, "desired is null");
        if (prior.isEmpty() && desired.isEmpty()) {
            throw new IllegalArgumentException("neither prior nor desired value for " + address);
        }
    }
}
