package dev.kiln.providers.capi;

import dev.kiln.lang.value.Value;

import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** Reading and changing parts of a cluster resource's value. */
final class CapiValues
{
    private CapiValues() {}

    static Optional<Value> attribute(Value object, String name)
    {
        return object.asMapping().map(attributes -> attributes.get(name)).filter(value -> !value.isNull());
    }

    /** A known, non-null string attribute. */
    static Optional<String> string(Value object, String name)
    {
        return attribute(object, name).flatMap(value -> value instanceof Value.StringValue string ? Optional.of(string.value()) : Optional.empty());
    }

    /** A known, non-null whole-number attribute. */
    static Optional<Integer> integer(Value object, String name)
    {
        return attribute(object, name).flatMap(value -> value instanceof Value.NumberValue number ? Optional.of(number.value().intValue()) : Optional.empty());
    }

    /** The entries of a known map attribute (labeled blocks); empty when unknown, null or absent. */
    static SortedMap<String, Value> mapping(Value object, String name)
    {
        return attribute(object, name).flatMap(Value::asMapping).orElse(new TreeMap<>());
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

    /** The map attribute {@code name} with entry {@code key} replaced, or removed when {@code entry} is empty. */
    static Value withEntry(Value object, String name, String key, Optional<Value> entry)
    {
        Optional<Value> map = attribute(object, name);
        if (map.isEmpty() || !(map.get() instanceof Value.MapValue mapValue)) {
            return object;
        }
        TreeMap<String, Value> entries = new TreeMap<>(mapValue.entries());
        entry.ifPresentOrElse(value -> entries.put(key, value), () -> entries.remove(key));
        return with(object, name, new Value.MapValue(mapValue.elementType(), entries, mapValue.sensitive()));
    }
}
