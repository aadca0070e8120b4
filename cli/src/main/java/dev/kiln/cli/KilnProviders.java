package dev.kiln.cli;

import dev.kiln.executors.apply.Driver;
import dev.kiln.lang.config.Config;
import dev.kiln.planner.spi.DiffResponse;
import dev.kiln.planner.spi.ResourceType;
import dev.kiln.planner.spi.ResourceTypes;
import dev.kiln.providers.Providers;
import dev.kiln.providers.ResourceSchemas;
import dev.kiln.state.State;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Kiln's providers, wired for the engine. */
final class KilnProviders
{
    private KilnProviders() {}

    /** The resource types' schemas only, to read recorded attributes before a configuration is loaded. */
    static ResourceTypes schemas()
    {
        return ResourceTypes.of(ResourceSchemas.typeNames().stream()
                .map(type -> new ResourceType(type, ResourceSchemas.of(type), request -> new DiffResponse.NoOp(List.of())))
                .toList());
    }

    static ProviderSet load(Config config, State state, Path workingDirectory)
    {
        Providers providers = Providers.of(config, state, workingDirectory);
        return new ProviderSet(providers.resourceTypes(), providers.refresher(), (provider, type) -> driver(providers, provider, type));
    }

    private static Optional<Driver> driver(Providers providers, String provider, String type)
    {
        try {
            return Optional.of(providers.driver(provider, type));
        }
        catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
