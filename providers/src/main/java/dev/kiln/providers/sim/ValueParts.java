package dev.kiln.providers.sim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.lang.config.schema.AttributeSchema;
import dev.kiln.lang.value.Value;
import dev.kiln.lang.value.ValueJson;
import dev.kiln.planner.diff.StateValues;
import dev.kiln.planner.spi.ResourceSchema;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** Reading and assembling resource values: attributes of objects, unknowns filled in, persisted attributes read back. */
final class ValueParts
{
    private ValueParts() {}

    static Optional<Value> attribute(Value object, String name)
    {
        return object.asMapping().map(attributes -> attributes.get(name));
    }

    /** A known, non-null string attribute. */
    static Optional<String> string(Value object, String name)
    {
        return attribute(object, name).flatMap(ValueParts::text);
    }

    static Optional<String> text(Value value)
    {
        return value instanceof Value.StringValue string ? Optional.of(string.value()) : Optional.empty();
    }

    /** The elements of a known list, set or tuple attribute; empty when unknown, null or absent. */
    static Optional<List<Value>> sequence(Value object, String name)
    {
        return attribute(object, name).flatMap(Value::asSequence);
    }

    /** The entries of a known map or object attribute (labeled blocks); empty when unknown, null or absent. */
    static Optional<SortedMap<String, Value>> mapping(Value object, String name)
    {
        return attribute(object, name).flatMap(Value::asMapping);
    }

    /** The object with one attribute replaced (or added), keeping the object's own mark. */
    static Value with(Value object, String name, Value value)
    {
        if (!(object instanceof Value.ObjectValue objectValue)) {
            throw new IllegalArgumentException("not an object: " + object.type());
        }
        TreeMap<String, Value> attributes = new TreeMap<>(objectValue.attributes());
        attributes.put(name, value);
        return new Value.ObjectValue(attributes, objectValue.sensitive());
    }

    /**
     * {@code planned} with every unknown part replaced by the same part of {@code actual}; marks
     * of {@code planned} are kept. An unknown without a counterpart is a driver bug.
     */
    static Value fill(Value planned, Value actual)
    {
        if (planned instanceof Value.Unknown unknown) {
            if (!actual.isWhollyKnown()) {
                throw new IllegalStateException("the simulator has no value for an attribute known only after apply");
            }
            return unknown.sensitive() ? actual.withSensitive(true) : actual;
        }
        if (planned.isWhollyKnown()) {
            return planned;
        }
        return switch (planned) {
            case Value.ObjectValue object -> {
                SortedMap<String, Value> source = actual.asMapping().orElseThrow(() -> mismatch(planned));
                TreeMap<String, Value> attributes = new TreeMap<>();
                object.attributes().forEach((name, part) -> attributes.put(name, fill(part, partOf(source, name, part))));
                yield new Value.ObjectValue(attributes, object.sensitive());
            }
            case Value.MapValue map -> {
                SortedMap<String, Value> source = actual.asMapping().orElseThrow(() -> mismatch(planned));
                TreeMap<String, Value> entries = new TreeMap<>();
                map.entries().forEach((key, part) -> entries.put(key, fill(part, partOf(source, key, part))));
                yield new Value.MapValue(map.elementType(), entries, map.sensitive());
            }
            case Value.ListValue list -> new Value.ListValue(list.elementType(), fillAll(list.elements(), actual), list.sensitive());
            case Value.TupleValue tuple -> new Value.TupleValue(fillAll(tuple.elements(), actual), tuple.sensitive());
            case Value.SetValue set -> new Value.SetValue(set.elementType(), fillAll(set.elements(), actual), set.sensitive());
            case Value.StringValue ignored -> planned;
            case Value.NumberValue ignored -> planned;
            case Value.BoolValue ignored -> planned;
            case Value.Null ignored -> planned;
            case Value.Unknown ignored -> planned;
        };
    }

    /** The attributes to persist: the value as JSON, without marks. */
    static JsonNode toJson(Value value)
    {
        return StateValues.attributes(value);
    }

    /**
     * Persisted attributes read back as a value of the schema's type, the schema's sensitive
     * attributes marked when they hold something: a null holds no secret, and a marked null
     * would differ from the unmarked null an omitted argument is planned as.
     */
    static Value fromJson(JsonNode json, ResourceSchema schema)
    {
        try {
            Value value = ValueJson.fromJson(json, schema.impliedType());
            for (AttributeSchema attribute : schema.block().attributes().values()) {
                Optional<Value> part = attribute(value, attribute.name());
                if (attribute.sensitive() && part.isPresent() && !part.get().isNull()) {
                    value = with(value, attribute.name(), part.get().withSensitive(true));
                }
            }
            return value;
        }
        catch (ValueJson.DecodeException e) {
            throw new IllegalStateException("the simulated datacenter holds attributes that do not fit the schema: " + e.getMessage(), e);
        }
    }

    private static Value partOf(SortedMap<String, Value> source, String name, Value planned)
    {
        Value part = source.get(name);
        if (part == null) {
            if (planned.isWhollyKnown()) {
                return planned;
            }
            throw new IllegalStateException("the simulator has no value for attribute " + name + ", known only after apply");
        }
        return part;
    }

    private static List<Value> fillAll(List<Value> planned, Value actual)
    {
        List<Value> source = actual.asSequence().orElseThrow(() -> mismatch(actual));
        if (source.size() != planned.size()) {
            throw new IllegalStateException("the simulator's value has " + source.size() + " elements where " + planned.size() + " were planned");
        }
        List<Value> filled = new ArrayList<>();
        for (int index = 0; index < planned.size(); index++) {
            filled.add(fill(planned.get(index), source.get(index)));
        }
        return filled;
    }

    private static IllegalStateException mismatch(Value value)
    {
        return new IllegalStateException("the simulator's value does not have the planned shape (" + value.type() + ")");
    }
}
