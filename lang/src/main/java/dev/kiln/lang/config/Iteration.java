package dev.kiln.lang.config;

import dev.kiln.lang.addr.InstanceKey;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;

import java.util.Map;

import static java.util.Objects.requireNonNull;

/** One instance of an expanded resource: its key and the {@code count} or {@code each} object its body sees. */
record Iteration(InstanceKey key, Map<String, Value> values)
{
    static final Iteration SINGLE = new Iteration(InstanceKey.NONE, Map.of());

    Iteration
    {
        requireNonNull(key, "key is null");
        values = Map.copyOf(values);
    }

    static Iteration counted(int index)
    {
        return new Iteration(new InstanceKey.Index(index), Map.of("count", Value.object(Map.of("index", Value.number(index)))));
    }

    static Iteration keyed(String key, Value value)
    {
        return new Iteration(new InstanceKey.Key(key), Map.of("each", Value.object(Map.of("key", Value.string(key), "value", value))));
    }

    /** Stands for every instance when there are none or they cannot be known: the body is still checked. */
    static Iteration unknown(Expansion expansion)
    {
        return switch (expansion) {
            case SINGLE -> SINGLE;
            case COUNT -> new Iteration(InstanceKey.NONE, Map.of("count", Value.object(Map.of("index", Value.unknown(Type.NUMBER)))));
            case FOR_EACH -> new Iteration(InstanceKey.NONE, Map.of("each", Value.object(Map.of(
                    "key", Value.unknown(Type.STRING),
                    "value", Value.unknown(Type.DYNAMIC)))));
        };
    }
}
