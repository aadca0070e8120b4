package dev.kiln.lang.config.model;

import dev.kiln.lang.addr.ResourceAddress;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * The typed configuration: Kiln's settings, the provider configurations (ordered by name,
 * {@code capi} before {@code capi.east}), and every resource instance by address.
 */
public record Model(
        Optional<KilnSettings> kiln,
        List<ProviderSettings> providers,
        SortedMap<ResourceAddress, Node> nodes,
        SortedMap<ResourceAddress, Registry> registries,
        SortedMap<ResourceAddress, BackupPoint> backupPoints,
        SortedMap<ResourceAddress, Cluster> clusters)
{
    public Model
    {
        requireNonNull(kiln, "kiln is null");
        providers = List.copyOf(providers);
        nodes = Collections.unmodifiableSortedMap(new TreeMap<>(nodes));
        registries = Collections.unmodifiableSortedMap(new TreeMap<>(registries));
        backupPoints = Collections.unmodifiableSortedMap(new TreeMap<>(backupPoints));
        clusters = Collections.unmodifiableSortedMap(new TreeMap<>(clusters));
    }

    /** The provider configuration named {@code capi} or {@code capi.east}. */
    public Optional<ProviderSettings> provider(String name)
    {
        requireNonNull(name, "name is null");
        return providers.stream().filter(provider -> provider.name().equals(name)).findFirst();
    }
}
