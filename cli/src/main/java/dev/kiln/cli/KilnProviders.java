package dev.kiln.cli;

import dev.kiln.executors.apply.Driver;
import dev.kiln.lang.config.Config;
import dev.kiln.lang.config.ResourceValues;
import dev.kiln.providers.Providers;
import dev.kiln.state.State;

import java.nio.file.Path;
import java.util.Optional;

/** Kiln's providers, wired for the engine. */
final class KilnProviders
{
    private KilnProviders() {}

    /** The recorded attributes of {@code state}'s instances, for references while a configuration is loaded. */
    static ResourceValues recordedValues(State state)
    {
        return Providers.recordedValues(state);
    }

    /** {@code runLogDirectory} is the run's {@code .kiln/logs/<run>} folder, where host logs go. */
    static ProviderSet load(Config config, Path workingDirectory, Optional<Path> runLogDirectory)
    {
        Providers providers = Providers.of(config, workingDirectory, runLogDirectory);
        return new ProviderSet(providers.resourceTypes(), providers.refresher(), (provider, type) -> driver(providers, provider, type), providers::importer);
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
