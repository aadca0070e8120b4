package dev.kiln.planner.diff;

import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.config.ResourceValues;
import dev.kiln.lang.value.Value;
import dev.kiln.lang.value.ValueJson;
import dev.kiln.planner.spi.ResourceType;
import dev.kiln.planner.spi.ResourceTypes;
import dev.kiln.state.ResourceInstance;
import dev.kiln.state.State;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static java.util.Objects.requireNonNull;

/**
 * The values of recorded resource instances, for loading the configuration before planning:
 * a reference to {@code cluster.prod.endpoint} then sees the recorded endpoint instead of an
 * unknown. Instances not recorded, of unknown types, or whose attributes do not fit their
 * schema fall back to the configured values.
 */
public final class RecordedResourceValues
        implements ResourceValues
{
    private final State state;
    private final ResourceTypes types;
    private final Map<ResourceAddress, Optional<Value>> decoded = new ConcurrentHashMap<>();

    public RecordedResourceValues(State state, ResourceTypes types)
    {
        this.state = requireNonNull(state, "state is null");
        this.types = requireNonNull(types, "types is null");
    }

    @Override
    public Optional<Value> instance(ResourceAddress address)
    {
        return decoded.computeIfAbsent(requireNonNull(address, "address is null"), this::decode);
    }

    private Optional<Value> decode(ResourceAddress address)
    {
        Optional<ResourceInstance> recorded = state.resource(address);
        Optional<ResourceType> type = types.find(address.type());
        if (recorded.isEmpty() || type.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(RecordedDecodings.decode(state, recorded.get(), type.get().schema()));
        }
        catch (ValueJson.DecodeException e) {
            return Optional.empty();
        }
    }
}
