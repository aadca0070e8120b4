package dev.kiln.planner.diff;

import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.config.schema.BlockSchema;
import dev.kiln.lang.value.Value;
import dev.kiln.lang.value.ValueJson;
import dev.kiln.planner.spi.ResourceSchema;
import dev.kiln.state.ResourceInstance;
import dev.kiln.state.State;

import java.lang.ref.SoftReference;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The recorded instances of one state decoded into values, shared by the two readers of a
 * plan: the configuration is loaded with {@link RecordedResourceValues}, then the
 * {@link Planner} starts from the same state's values. Decoding every instance once instead
 * of twice matters at scale (100,000 recorded instances: seconds, and a second copy of every
 * value kept alive for the whole plan).
 *
 * <p>Only the state seen last is kept, matched by identity (the same {@link State} object, so
 * never a stale one), and softly: the cache gives way under memory pressure, and a miss only
 * means decoding again. A value is reused only for the same schema object it was decoded with.
 */
final class RecordedDecodings
{
    private static final Object LOCK = new Object();
    private static SoftReference<Decodings> latest = new SoftReference<>(null);

    private record Decodings(State state, Map<ResourceAddress, Decoding> values) {}

    private record Decoding(ResourceInstance instance, BlockSchema schema, Value value, ValueJson.DecodeException failure) {}

    private RecordedDecodings() {}

    /** {@link StateValues#decode} of {@code instance}, recorded in {@code state}, reusing an earlier decoding of it. */
    static Value decode(State state, ResourceInstance instance, ResourceSchema schema)
            throws ValueJson.DecodeException
    {
        Map<ResourceAddress, Decoding> values = of(state);
        Decoding decoding = values.get(instance.address());
        if (decoding == null || decoding.instance() != instance || decoding.schema() != schema.block()) {
            decoding = decoded(instance, schema);
            values.put(instance.address(), decoding);
        }
        if (decoding.failure() != null) {
            throw decoding.failure();
        }
        return decoding.value();
    }

    private static Decoding decoded(ResourceInstance instance, ResourceSchema schema)
    {
        try {
            return new Decoding(instance, schema.block(), StateValues.decode(instance, schema), null);
        }
        catch (ValueJson.DecodeException e) {
            return new Decoding(instance, schema.block(), null, e);
        }
    }

    private static Map<ResourceAddress, Decoding> of(State state)
    {
        synchronized (LOCK) {
            Decodings decodings = latest.get();
            if (decodings == null || decodings.state() != state) {
                decodings = new Decodings(state, new ConcurrentHashMap<>());
                latest = new SoftReference<>(decodings);
            }
            return decodings.values();
        }
    }
}
