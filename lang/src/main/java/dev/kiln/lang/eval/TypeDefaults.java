package dev.kiln.lang.eval;

import dev.kiln.lang.value.Value;

import java.util.Map;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * The defaults of one level of a type constraint: {@code attributes} holds the defaults of
 * this object type's optional attributes; {@code children} the defaults nested below, keyed
 * by attribute name, by element position for tuples, or {@code ""} for the elements of a
 * list, set or map.
 */
public record TypeDefaults(Map<String, Value> attributes, Map<String, TypeDefaults> children)
{
    public static final TypeDefaults NONE = new TypeDefaults(Map.of(), Map.of());

    public TypeDefaults
    {
        attributes = Map.copyOf(new TreeMap<>(requireNonNull(attributes, "attributes is null")));
        children = Map.copyOf(new TreeMap<>(requireNonNull(children, "children is null")));
    }

    public boolean isEmpty()
    {
        return attributes.isEmpty() && children.values().stream().allMatch(TypeDefaults::isEmpty);
    }

    public TypeDefaults child(String key)
    {
        return children.getOrDefault(key, NONE);
    }
}
