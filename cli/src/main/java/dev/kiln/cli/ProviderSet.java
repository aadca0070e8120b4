package dev.kiln.cli;

import dev.kiln.executors.apply.Drivers;
import dev.kiln.planner.spi.Refresher;
import dev.kiln.planner.spi.ResourceTypes;
import dev.kiln.providers.Importer;

import java.util.Optional;
import java.util.function.BiFunction;

/**
 * What the engine needs of a configuration's providers: resource types to plan, a refresher,
 * drivers to apply, and the importers of {@code kiln import} (by provider and type).
 */
record ProviderSet(ResourceTypes resourceTypes, Refresher refresher, Drivers drivers, BiFunction<String, String, Optional<Importer>> importers)
{
    ProviderSet(ResourceTypes resourceTypes, Refresher refresher, Drivers drivers)
    {
        this(resourceTypes, refresher, drivers, (provider, type) -> Optional.empty());
    }
}
