package dev.kiln.state;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.lang.addr.ResourceAddress;

import java.time.Instant;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One recorded resource instance. {@code attributes} is the provider's JSON object, kept
 * opaque here: the record holds its own copy, keys sorted (callers must not modify it); {@code sensitivePaths} name the values inside it
 * that are never shown; {@code needsReconciliation} is set when an action on it was started
 * but its result never recorded, so the next plan refreshes it.
 */
public record ResourceInstance(
        ResourceAddress address,
        String provider,
        JsonNode attributes,
        List<AttributePath> sensitivePaths,
        List<ResourceAddress> dependencies,
        InstanceStatus status,
        boolean needsReconciliation,
        Instant created,
        Instant updated)
{
    public ResourceInstance
    {
        requireNonNull(address, "address is null");
        requireNonNull(provider, "provider is null");
        attributes = StateJson.owned(requireNonNull(attributes, "attributes is null"));
        sensitivePaths = distinctSorted(requireNonNull(sensitivePaths, "sensitivePaths is null"));
        dependencies = distinctSorted(requireNonNull(dependencies, "dependencies is null"));
        requireNonNull(status, "status is null");
        requireNonNull(created, "created is null");
        requireNonNull(updated, "updated is null");
        if (provider.isEmpty()) {
            throw new IllegalArgumentException("provider is empty for " + address);
        }
        if (updated.isBefore(created)) {
            throw new IllegalArgumentException("updated before created for " + address);
        }
    }

    /** The elements without duplicates, sorted; without a stream for the common none or one (a large state has hundreds of thousands). */
    private static <T extends Comparable<? super T>> List<T> distinctSorted(List<T> elements)
    {
        return switch (elements.size()) {
            case 0 -> List.of();
            case 1 -> List.of(elements.getFirst());
            default -> elements.stream().distinct().sorted().toList();
        };
    }

    /** A ready instance created now, without sensitive values or dependencies. */
    public static ResourceInstance created(ResourceAddress address, String provider, JsonNode attributes, Instant now)
    {
        return new ResourceInstance(address, provider, attributes, List.of(), List.of(), InstanceStatus.READY, false, now, now);
    }

    /** The resource type, which is the address's type. */
    public String type()
    {
        return address.type();
    }

    public ResourceInstance withAttributes(JsonNode newAttributes, List<AttributePath> newSensitivePaths, Instant now)
    {
        return new ResourceInstance(address, provider, newAttributes, newSensitivePaths, dependencies, status, needsReconciliation, created, later(now));
    }

    public ResourceInstance withDependencies(List<ResourceAddress> newDependencies)
    {
        return new ResourceInstance(address, provider, attributes, sensitivePaths, newDependencies, status, needsReconciliation, created, updated);
    }

    public ResourceInstance withStatus(InstanceStatus newStatus, Instant now)
    {
        return new ResourceInstance(address, provider, attributes, sensitivePaths, dependencies, newStatus, needsReconciliation, created, later(now));
    }

    public ResourceInstance withNeedsReconciliation(boolean flag)
    {
        return new ResourceInstance(address, provider, attributes, sensitivePaths, dependencies, status, flag, created, updated);
    }

    private Instant later(Instant now)
    {
        requireNonNull(now, "now is null");
        return now.isBefore(created) ? created : now;
    }
}
