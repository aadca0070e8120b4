package dev.kiln.providers;

import dev.kiln.lang.config.Config;
import dev.kiln.lang.config.model.ProviderSettings;
import dev.kiln.lang.config.schema.DecodedAttribute;
import dev.kiln.lang.config.schema.DecodedBlock;
import dev.kiln.lang.value.Value;
import dev.kiln.providers.capi.CapiProvider;
import dev.kiln.providers.capi.CapiSettings;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The {@code provider "capi"} configurations of a configuration, each with its block (for the references its kubeconfig makes). */
final class CapiProviders
{
    private CapiProviders() {}

    static Map<String, Provider> create(Config config, Path workingDirectory, AppliedValues applied)
    {
        TreeMap<String, Provider> providers = new TreeMap<>();
        for (ProviderSettings settings : config.model().providers()) {
            if (settings instanceof ProviderSettings.Capi capi) {
                CapiSettings capiSettings = CapiSettings.of(capi, block(config, capi.name()), workingDirectory);
                providers.put(capi.name(), CapiProvider.create(capiSettings, config.model(), applied, workingDirectory));
            }
        }
        return providers;
    }

    private static Optional<DecodedBlock> block(Config config, String name)
    {
        return config.providers().stream().filter(block -> name(block).equals(name)).findFirst();
    }

    private static String name(DecodedBlock block)
    {
        String type = block.labels().isEmpty() ? block.type() : block.labels().getFirst().value();
        return type + block.attribute("alias")
                .map(DecodedAttribute::value)
                .flatMap(value -> value instanceof Value.StringValue alias ? Optional.of("." + alias.value()) : Optional.empty())
                .orElse("");
    }
}
