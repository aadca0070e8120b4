package dev.kiln.providers.kubeadm.spec;

import dev.kiln.lang.value.Value;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** Reading the parts of a resource value the kubeadm provider needs: known strings, numbers, lists and maps. */
public final class Values
{
    private Values() {}

    public static Optional<Value> attribute(Value object, String name)
    {
        return object.asMapping().map(attributes -> attributes.get(name)).filter(value -> !value.isNull());
    }

    /** A known, non-null string attribute. */
    public static Optional<String> string(Value object, String name)
    {
        return attribute(object, name).flatMap(Values::text);
    }

    public static Optional<String> text(Value value)
    {
        return value instanceof Value.StringValue string ? Optional.of(string.value()) : Optional.empty();
    }

    public static Optional<Integer> integer(Value object, String name)
    {
        return attribute(object, name).flatMap(value -> value instanceof Value.NumberValue number
                ? Optional.of(number.value().intValue())
                : text(value).flatMap(Values::parseInteger));
    }

    public static Optional<Boolean> bool(Value object, String name)
    {
        return attribute(object, name).flatMap(value -> value instanceof Value.BoolValue bool ? Optional.of(bool.value()) : Optional.empty());
    }

    /** The known strings of a list or set attribute; empty list when absent or null. */
    public static List<String> strings(Value object, String name)
    {
        return attribute(object, name).flatMap(Value::asSequence)
                .map(elements -> elements.stream().map(Values::text).flatMap(Optional::stream).toList())
                .orElse(List.of());
    }

    /** The known string entries of a map attribute, ordered by key. */
    public static SortedMap<String, String> stringMap(Value object, String name)
    {
        TreeMap<String, String> entries = new TreeMap<>();
        attribute(object, name).flatMap(Value::asMapping).ifPresent(mapping -> mapping.forEach(
                (key, value) -> text(value).ifPresent(text -> entries.put(key, text))));
        return entries;
    }

    /** The entries of a known map or object attribute (labeled blocks). */
    public static SortedMap<String, Value> mapping(Value object, String name)
    {
        return attribute(object, name).flatMap(Value::asMapping).orElse(new TreeMap<>());
    }

    /** The elements of a known sequence attribute; empty when unknown, null or absent. */
    public static Optional<List<Value>> sequence(Value object, String name)
    {
        return attribute(object, name).flatMap(Value::asSequence);
    }

    /** The object with one attribute replaced (or added), keeping the object's own mark. */
    public static Value with(Value object, String name, Value value)
    {
        if (!(object instanceof Value.ObjectValue objectValue)) {
            throw new IllegalArgumentException("not an object: " + object.type());
        }
        TreeMap<String, Value> attributes = new TreeMap<>(objectValue.attributes());
        attributes.put(name, value);
        return new Value.ObjectValue(attributes, objectValue.sensitive());
    }

    /** The object with several attributes replaced. */
    public static Value with(Value object, Map<String, Value> replacements)
    {
        Value result = object;
        for (Map.Entry<String, Value> entry : replacements.entrySet()) {
            result = with(result, entry.getKey(), entry.getValue());
        }
        return result;
    }

    private static Optional<Integer> parseInteger(String text)
    {
        try {
            return Optional.of(Integer.parseInt(text.trim()));
        }
        catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
