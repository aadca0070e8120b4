package dev.kiln.providers;

import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.config.Config;
import dev.kiln.lang.config.model.ProviderSettings;
import dev.kiln.lang.config.schema.DecodedInstance;
import dev.kiln.lang.diag.SourceRange;
import dev.kiln.state.ResourceInstance;
import dev.kiln.state.State;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which provider configuration each resource instance belongs to, decided as the planner
 * decides it: the configured {@code provider = ...}, else the provider recorded in state,
 * else the configuration's only provider without alias (empty text when there is none or
 * several).
 */
final class InstanceProviders
{
    private final Map<ResourceAddress, DecodedInstance> configured = new HashMap<>();
    private final State state;
    private final String defaultProvider;

    InstanceProviders(Config config, State state)
    {
        config.resources().forEach(instance -> configured.put(instance.address(), instance));
        this.state = state;
        List<String> unaliased = config.model().providers().stream()
                .filter(provider -> provider.alias().isEmpty())
                .map(ProviderSettings::name)
                .toList();
        this.defaultProvider = unaliased.size() == 1 ? unaliased.getFirst() : "";
    }

    String providerOf(ResourceAddress address)
    {
        DecodedInstance instance = configured.get(address);
        if (instance != null && instance.provider().isPresent()) {
            return instance.provider().get();
        }
        Optional<ResourceInstance> recorded = state.resource(address);
        if (recorded.isPresent()) {
            return recorded.get().provider();
        }
        return defaultProvider;
    }

    /** Where the instance is configured: its {@code provider} argument, else its block's type. */
    Optional<SourceRange> range(ResourceAddress address)
    {
        return Optional.ofNullable(configured.get(address))
                .map(instance -> instance.providerRange().orElse(instance.block().typeRange()));
    }
}
