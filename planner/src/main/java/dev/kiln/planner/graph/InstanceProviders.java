package dev.kiln.planner.graph;

import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.config.Config;
import dev.kiln.lang.config.schema.DecodedAttribute;
import dev.kiln.lang.config.schema.DecodedBlock;
import dev.kiln.lang.config.schema.DecodedInstance;
import dev.kiln.lang.value.Value;
import dev.kiln.state.ResourceInstance;
import dev.kiln.state.State;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Which provider configuration each resource instance uses, decided here and nowhere else:
 * the one its configuration names ({@code provider = capi.east}), else the one the state
 * recorded for it, else the configuration's only provider block without an alias (a child
 * instance, {@code cluster.prod.pool["a"]}, uses its parent's). The
 * answer is empty text when none applies (no such block, or several). Planned changes,
 * diff requests and refresh requests carry the answer, so providers never decide it again,
 * and an instance depends on what its provider's configuration references.
 */
public final class InstanceProviders
{
    private final Map<ResourceAddress, String> configured;
    private final State state;
    private final String unaliased;

    private InstanceProviders(Map<ResourceAddress, String> configured, State state, String unaliased)
    {
        this.configured = configured;
        this.state = state;
        this.unaliased = unaliased;
    }

    /** The providers of {@code config}'s instances and of those only {@code state} records. */
    public static InstanceProviders of(Config config, State state)
    {
        requireNonNull(config, "config is null");
        requireNonNull(state, "state is null");
        Map<ResourceAddress, String> configured = new HashMap<>();
        for (DecodedInstance instance : config.resources()) {
            instance.provider().ifPresent(provider -> configured.put(instance.address(), provider));
        }
        for (DecodedInstance child : ChildInstances.of(config)) {
            child.provider().ifPresent(provider -> configured.put(child.address(), provider));
        }
        List<String> unaliased = config.providers().stream()
                .filter(provider -> alias(provider).isEmpty())
                .map(InstanceProviders::name)
                .toList();
        return new InstanceProviders(configured, state, unaliased.size() == 1 ? unaliased.getFirst() : "");
    }

    /** The provider of the instance at {@code address}, as {@code provider = ...} names it ({@code sim}, {@code capi.east}); empty when it has none. */
    public String provider(ResourceAddress address)
    {
        requireNonNull(address, "address is null");
        String named = configured.get(address);
        if (named != null) {
            return named;
        }
        Optional<String> recorded = state.resource(address).map(ResourceInstance::provider);
        if (recorded.isPresent()) {
            return recorded.get();
        }
        return address.parent().map(this::provider).orElse(unaliased);
    }

    /** The name {@code provider = ...} gives a provider block: its type, and {@code .alias} when it has one. */
    static String name(DecodedBlock provider)
    {
        String type = provider.labels().isEmpty() ? provider.type() : provider.labels().getFirst().value();
        return type + alias(provider).map(alias -> "." + alias).orElse("");
    }

    private static Optional<String> alias(DecodedBlock provider)
    {
        return provider.attribute("alias")
                .map(DecodedAttribute::value)
                .filter(value -> value instanceof Value.StringValue)
                .map(value -> ((Value.StringValue) value).value());
    }
}
