package dev.kiln.planner.diff;

import dev.kiln.lang.value.Value;

import java.util.TreeMap;

/** Small operations on values the differ needs: comparing without sensitive marks. */
final class Values
{
    private Values() {}

    /** The value with every sensitive mark cleared, so equal data compares equal however it was marked. */
    static Value unmarked(Value value)
    {
        return switch (value) {
            case Value.ListValue list -> new Value.ListValue(list.elementType(), list.elements().stream().map(Values::unmarked).toList(), false);
            case Value.SetValue set -> new Value.SetValue(set.elementType(), set.elements().stream().map(Values::unmarked).toList(), false);
            case Value.TupleValue tuple -> new Value.TupleValue(tuple.elements().stream().map(Values::unmarked).toList(), false);
            case Value.MapValue map -> {
                TreeMap<String, Value> entries = new TreeMap<>();
                map.entries().forEach((key, entry) -> entries.put(key, unmarked(entry)));
                yield new Value.MapValue(map.elementType(), entries, false);
            }
            case Value.ObjectValue object -> {
                TreeMap<String, Value> attributes = new TreeMap<>();
                object.attributes().forEach((name, attribute) -> attributes.put(name, unmarked(attribute)));
                yield new Value.ObjectValue(attributes, false);
            }
            case Value.StringValue string -> string.withSensitive(false);
            case Value.NumberValue number -> number.withSensitive(false);
            case Value.BoolValue bool -> bool.withSensitive(false);
            case Value.Null nullValue -> nullValue.withSensitive(false);
            case Value.Unknown unknown -> unknown.withSensitive(false);
        };
    }

    static boolean sameData(Value left, Value right)
    {
        return left.isWhollyKnown() && right.isWhollyKnown() && unmarked(left).equals(unmarked(right));
    }
}
