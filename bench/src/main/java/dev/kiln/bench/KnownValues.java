package dev.kiln.bench;

import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A planned value with every unknown part replaced by a plausible known one, as a driver reports after apply. */
final class KnownValues
{
    private KnownValues() {}

    static Value known(Value value)
    {
        Value known = switch (value) {
            case Value.Unknown unknown -> of(unknown.type());
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
            case Value.ListValue list -> new Value.ListValue(list.elementType(), list.elements().stream().map(KnownValues::known).toList(), false);
            case Value.SetValue set -> new Value.SetValue(set.elementType(), set.elements().stream().map(KnownValues::known).toList(), false);
            case Value.TupleValue tuple -> new Value.TupleValue(tuple.elements().stream().map(KnownValues::known).toList(), false);
            case Value.StringValue string -> string;
            case Value.NumberValue number -> number;
            case Value.BoolValue bool -> bool;
            case Value.Null nullValue -> nullValue;
        };
        return value.sensitive() ? known.withSensitive(true) : known;
    }

    private static Value of(Type type)
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
            case Type.TupleType tuple -> Value.tuple(tuple.elements().stream().map(KnownValues::of).toList());
            case Type.ObjectType object -> {
                TreeMap<String, Value> attributes = new TreeMap<>();
                object.attributes().forEach((name, attributeType) -> attributes.put(name, of(attributeType)));
                yield Value.object(attributes);
            }
        };
    }
}
