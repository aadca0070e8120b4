package dev.kiln.lang.functions;

import dev.kiln.lang.value.Value;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Removing and adding the sensitive mark on values and everything inside them. */
final class Marks
{
    private Marks() {}

    static Value unmarkDeep(Value value)
    {
        if (!value.containsSensitive()) {
            return value;
        }
        return switch (value) {
            case Value.ListValue list -> new Value.ListValue(list.elementType(), unmarkAll(list.elements()), false);
            case Value.SetValue set -> new Value.SetValue(set.elementType(), unmarkAll(set.elements()), false);
            case Value.TupleValue tuple -> new Value.TupleValue(unmarkAll(tuple.elements()), false);
            case Value.MapValue map -> new Value.MapValue(map.elementType(), unmarkAll(map.entries()), false);
            case Value.ObjectValue object -> new Value.ObjectValue(unmarkAll(object.attributes()), false);
            case Value.StringValue string -> string.withSensitive(false);
            case Value.NumberValue number -> number.withSensitive(false);
            case Value.BoolValue bool -> bool.withSensitive(false);
            case Value.Null nullValue -> nullValue.withSensitive(false);
            case Value.Unknown unknown -> unknown.withSensitive(false);
        };
    }

    /** The value with the sensitive mark added on itself when {@code sensitive}; nested marks kept. */
    static Value mark(Value value, boolean sensitive)
    {
        return sensitive && !value.sensitive() ? value.withSensitive(true) : value;
    }

    private static List<Value> unmarkAll(List<Value> values)
    {
        return values.stream().map(Marks::unmarkDeep).toList();
    }

    private static SortedMap<String, Value> unmarkAll(Map<String, Value> values)
    {
        SortedMap<String, Value> result = new TreeMap<>();
        values.forEach((key, element) -> result.put(key, unmarkDeep(element)));
        return result;
    }
}
