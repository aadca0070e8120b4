package dev.kiln.providers.sim;

import dev.kiln.lang.addr.InstanceKey;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.config.schema.AttributeSchema;
import dev.kiln.lang.config.schema.BlockSchema;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;
import dev.kiln.planner.diff.StandardDiffRule;
import dev.kiln.planner.plan.Action;
import dev.kiln.planner.plan.ResourceChange;
import dev.kiln.planner.spi.ResourceSchema;
import dev.kiln.planner.spi.ResourceType;
import dev.kiln.providers.ResourceSchemas;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/** Resource values for simulator tests: planned ones (computed attributes unknown), with every attribute not given null. */
final class TestValues
{
    private TestValues() {}

    static ResourceType type(String name)
    {
        return new ResourceType(name, ResourceSchemas.of(name), StandardDiffRule.INSTANCE);
    }

    static ResourceAddress address(String type, String name, int index)
    {
        return new ResourceAddress(type, name, new InstanceKey.Index(index));
    }

    /** A planned value as the planner makes one: the given attributes, computed ones unknown (sensitive ones marked), the rest null and unmarked. */
    static Value planned(String type, Map<String, Value> attributes)
    {
        return block(ResourceSchemas.of(type).block(), attributes, true);
    }

    static Value block(BlockSchema schema, Map<String, Value> attributes, boolean computedUnknown)
    {
        TreeMap<String, Value> all = new TreeMap<>();
        for (AttributeSchema attribute : schema.attributes().values()) {
            Value absent = attribute.computed() && computedUnknown ? Value.unknown(attribute.type()) : Value.nullOf(attribute.type());
            all.put(attribute.name(), attribute.sensitive() && !absent.isNull() ? absent.withSensitive(true) : absent);
        }
        new ResourceSchema(schema, new TreeSet<>()).impliedType().attributes()
                .forEach((name, attributeType) -> all.putIfAbsent(name, Value.nullOf(attributeType)));
        attributes.forEach((name, value) -> {
            if (!all.containsKey(name)) {
                throw new IllegalArgumentException("no attribute " + name);
            }
            all.put(name, value);
        });
        return Value.object(all);
    }

    /** The value as recorded after apply: every unknown part replaced by a known placeholder of its type. */
    static Value applied(Value value)
    {
        return switch (value) {
            case Value.Unknown unknown -> placeholder(unknown.type()).withSensitive(unknown.sensitive());
            case Value.ObjectValue object -> {
                TreeMap<String, Value> attributes = new TreeMap<>();
                object.attributes().forEach((name, part) -> attributes.put(name, applied(part)));
                yield new Value.ObjectValue(attributes, object.sensitive());
            }
            case Value.MapValue map -> {
                TreeMap<String, Value> entries = new TreeMap<>();
                map.entries().forEach((key, part) -> entries.put(key, applied(part)));
                yield new Value.MapValue(map.elementType(), entries, map.sensitive());
            }
            case Value.ListValue list -> new Value.ListValue(list.elementType(), list.elements().stream().map(TestValues::applied).toList(), list.sensitive());
            case Value.TupleValue tuple -> new Value.TupleValue(tuple.elements().stream().map(TestValues::applied).toList(), tuple.sensitive());
            case Value.SetValue set -> new Value.SetValue(set.elementType(), set.elements().stream().map(TestValues::applied).toList(), set.sensitive());
            case Value.StringValue ignored -> value;
            case Value.NumberValue ignored -> value;
            case Value.BoolValue ignored -> value;
            case Value.Null ignored -> value;
        };
    }

    private static Value placeholder(Type type)
    {
        if (type instanceof Type.MapType map) {
            return Value.map(map.element(), Map.of());
        }
        return Value.string("recorded");
    }

    static Value node(String hostAddress, Map<String, String> labels)
    {
        return planned("node", Map.of(
                "address", Value.string(hostAddress),
                "labels", labels.isEmpty() ? Value.nullOf(new Type.MapType(Type.STRING)) : stringMap(labels)));
    }

    /** A cluster whose control plane gives replicas. */
    static Value cluster(String version, int controlPlane)
    {
        BlockSchema schema = ResourceSchemas.of("cluster").block();
        Value control = block(schema.blocks().get("control_plane").schema(), Map.of("replicas", Value.number(controlPlane)), false);
        return planned("cluster", Map.of(
                "kubernetes_version", Value.string(version),
                "control_plane", control));
    }

    /** A worker pool of {@code replicas} machines, two unavailable at a time, running {@code version}. */
    static Value pool(String version, int replicas)
    {
        return planned(ResourceSchemas.WORKER_POOL, Map.of(
                "kubernetes_version", Value.string(version),
                "replicas", Value.number(replicas),
                "max_unavailable", Value.string("2")));
    }

    /** The address of pool {@code name} of {@code cluster}. */
    static ResourceAddress pool(ResourceAddress cluster, String name)
    {
        return cluster.child("pool", new InstanceKey.Key(name));
    }

    static Value stringMap(Map<String, String> entries)
    {
        TreeMap<String, Value> values = new TreeMap<>();
        entries.forEach((key, value) -> values.put(key, Value.string(value)));
        return Value.map(Type.STRING, values);
    }

    static Value with(Value object, String name, Value value)
    {
        return ValueParts.with(object, name, value);
    }

    static Value number(long value)
    {
        return Value.number(BigDecimal.valueOf(value));
    }

    static ResourceChange change(ResourceAddress address, Action action, Optional<Value> before, Optional<Value> after)
    {
        return new ResourceChange(address, "sim", action, Optional.empty(), before, after, List.of(), List.of(), Optional.empty());
    }
}
