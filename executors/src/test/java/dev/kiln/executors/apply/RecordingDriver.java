package dev.kiln.executors.apply;

import dev.kiln.executors.walk.ActionContext;
import dev.kiln.executors.walk.Bound;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;
import dev.kiln.planner.plan.ResourceChange;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A driver by hand: makes every planned value known, records the order of calls and the most
 * that ran at once, fails the addresses it is told to (after reporting a step), and blocks
 * the ones it is told to until cancelled.
 */
final class RecordingDriver
        implements Driver
{
    final List<ResourceAddress> calls = new CopyOnWriteArrayList<>();
    final Set<ResourceAddress> failing = ConcurrentHashMap.newKeySet();
    final Set<ResourceAddress> blocking = ConcurrentHashMap.newKeySet();
    final CountDownLatch blocked = new CountDownLatch(1);
    final AtomicInteger running = new AtomicInteger();
    final AtomicInteger mostRunning = new AtomicInteger();
    volatile long sleepMillis;
    volatile Set<Bound> bounds = Set.of();

    @Override
    public ApplyResponse apply(ApplyRequest request, ActionContext context)
            throws Exception
    {
        ResourceChange change = request.change();
        calls.add(change.address());
        mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
        try {
            context.progress("checking " + change.address().name());
            if (sleepMillis > 0) {
                Thread.sleep(sleepMillis);
            }
            if (blocking.contains(change.address())) {
                blocked.countDown();
                Thread.sleep(60_000);
            }
            if (failing.contains(change.address())) {
                context.progress("joining the cluster");
                throw new IllegalStateException("the simulated host refused");
            }
            return change.after().map(RecordingDriver::known).map(ApplyResponse::of).orElseGet(ApplyResponse::deleted);
        }
        finally {
            running.decrementAndGet();
        }
    }

    @Override
    public Set<Bound> bounds(ResourceChange change)
    {
        return bounds;
    }

    static Value known(Value value)
    {
        Value known = switch (value) {
            case Value.Unknown unknown -> knownOf(unknown.type());
            case Value.ObjectValue object -> {
                TreeMap<String, Value> attributes = new TreeMap<>();
                object.attributes().forEach((name, attribute) -> attributes.put(name, known(attribute)));
                yield new Value.ObjectValue(attributes, false);
            }
            case Value.MapValue map -> {
                TreeMap<String, Value> entries = new TreeMap<>();
                map.entries().forEach((key, entry) -> entries.put(key, known(entry)));
                yield new Value.MapValue(map.elementType(), entries, false);
            }
            case Value.ListValue list -> new Value.ListValue(list.elementType(), list.elements().stream().map(RecordingDriver::known).toList(), false);
            case Value.SetValue set -> new Value.SetValue(set.elementType(), set.elements().stream().map(RecordingDriver::known).toList(), false);
            case Value.TupleValue tuple -> new Value.TupleValue(tuple.elements().stream().map(RecordingDriver::known).toList(), false);
            case Value.StringValue string -> string;
            case Value.NumberValue number -> number;
            case Value.BoolValue bool -> bool;
            case Value.Null nullValue -> nullValue;
        };
        return value.sensitive() ? known.withSensitive(true) : known;
    }

    private static Value knownOf(Type type)
    {
        return switch (type) {
            case Type.Primitive primitive -> switch (primitive) {
                case STRING -> Value.string("known");
                case NUMBER -> Value.number(1);
                case BOOL -> Value.bool(true);
            };
            case Type.Dynamic ignored -> Value.string("known");
            case Type.ListType list -> Value.list(list.element(), List.of());
            case Type.SetType set -> Value.set(set.element(), List.of());
            case Type.MapType map -> Value.map(map.element(), Map.of());
            case Type.TupleType tuple -> Value.tuple(tuple.elements().stream().map(RecordingDriver::knownOf).toList());
            case Type.ObjectType object -> {
                TreeMap<String, Value> attributes = new TreeMap<>();
                object.attributes().forEach((name, attributeType) -> attributes.put(name, knownOf(attributeType)));
                yield Value.object(attributes);
            }
        };
    }
}
