package dev.kiln.lang.config.schema;

import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.diag.SourceRange;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One resource instance of the configuration, after {@code count}/{@code for_each}
 * expansion and decoding: its address, its decoded body (meta-arguments removed), the
 * provider configuration it selected ({@code provider = capi.east} gives
 * {@code "capi.east"}; empty means the type's default), and its explicit
 * {@code depends_on} targets.
 */
public record DecodedInstance(
        ResourceAddress address,
        DecodedBlock block,
        Optional<String> provider,
        Optional<SourceRange> providerRange,
        List<ResourceAddress> dependsOn)
{
    public DecodedInstance
    {
        requireNonNull(address, "address is null");
        requireNonNull(block, "block is null");
        requireNonNull(provider, "provider is null");
        requireNonNull(providerRange, "providerRange is null");
        dependsOn = List.copyOf(dependsOn);
    }
}
