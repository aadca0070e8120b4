package dev.kiln.lang.eval;

import dev.kiln.lang.value.Conversion;
import dev.kiln.lang.value.ConversionException;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * A parsed {@code type = ...} constraint: the type values must convert to, and the defaults
 * of its {@code optional(T, default)} attributes. {@link #apply} converts a value and then,
 * as Terraform does, puts each default where an optional attribute is null or absent.
 */
public record TypeConstraint(Type type, TypeDefaults defaults)
{
    public TypeConstraint
    {
        requireNonNull(type, "type is null");
        requireNonNull(defaults, "defaults is null");
    }

    public static TypeConstraint of(Type type)
    {
        return new TypeConstraint(type, TypeDefaults.NONE);
    }

    /** The value converted to {@link #type}, with optional attributes' defaults filled in. */
    public Value apply(Value value)
            throws ConversionException
    {
        requireNonNull(value, "value is null");
        Value converted = Conversion.convert(value, type);
        return fill(converted, type, defaults);
    }

    private static Value fill(Value value, Type type, TypeDefaults defaults)
            throws ConversionException
    {
        if (defaults.isEmpty() || value.isNull() || !value.isKnown()) {
            return value;
        }
        Value filled = switch (value) {
            case Value.ObjectValue object when type instanceof Type.ObjectType objectType -> fillObject(object, objectType, defaults);
            case Value.ListValue list when type instanceof Type.ListType listType ->
                    Value.list(list.elementType(), fillAll(list.elements(), listType.element(), defaults.child("")));
            case Value.SetValue set when type instanceof Type.SetType setType ->
                    Value.set(set.elementType(), fillAll(set.elements(), setType.element(), defaults.child("")));
            case Value.MapValue map when type instanceof Type.MapType mapType -> {
                Map<String, Value> entries = new TreeMap<>();
                for (Map.Entry<String, Value> entry : map.entries().entrySet()) {
                    entries.put(entry.getKey(), fill(entry.getValue(), mapType.element(), defaults.child("")));
                }
                yield Value.map(map.elementType(), entries);
            }
            case Value.TupleValue tuple when type instanceof Type.TupleType tupleType -> {
                List<Value> elements = new ArrayList<>();
                for (int index = 0; index < tuple.elements().size(); index++) {
                    elements.add(fill(tuple.elements().get(index), tupleType.elements().get(index), defaults.child(Integer.toString(index))));
                }
                yield Value.tuple(elements);
            }
            default -> value;
        };
        return value.sensitive() ? filled.withSensitive(true) : filled;
    }

    private static List<Value> fillAll(List<Value> elements, Type type, TypeDefaults defaults)
            throws ConversionException
    {
        List<Value> filled = new ArrayList<>();
        for (Value element : elements) {
            filled.add(fill(element, type, defaults));
        }
        return filled;
    }

    private static Value fillObject(Value.ObjectValue object, Type.ObjectType type, TypeDefaults defaults)
            throws ConversionException
    {
        Map<String, Value> attributes = new TreeMap<>(object.attributes());
        for (Map.Entry<String, Type> attribute : type.attributes().entrySet()) {
            String name = attribute.getKey();
            Value current = attributes.get(name);
            Value defaultValue = defaults.attributes().get(name);
            if ((current == null || current.isNull()) && defaultValue != null) {
                current = Conversion.convert(defaultValue, attribute.getValue());
            }
            if (current != null) {
                attributes.put(name, fill(current, attribute.getValue(), defaults.child(name)));
            }
        }
        return Value.object(attributes);
    }
}
