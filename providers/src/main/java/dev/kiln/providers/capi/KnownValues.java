package dev.kiln.providers.capi;

import dev.kiln.lang.value.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A planned value completed after apply: every unknown part replaced by the same part of
 * what the management cluster reports, known parts kept as planned. An unknown part with no
 * counterpart (a reference the management cluster knows nothing about) becomes null, so the
 * next plan shows it again instead of the apply failing after the cluster was made.
 */
final class KnownValues
{
    private KnownValues() {}

    static Value fill(Value planned, Value actual)
    {
        if (planned instanceof Value.Unknown unknown) {
            Value known = actual.isWhollyKnown() ? actual : Value.nullOf(unknown.type());
            return unknown.sensitive() ? known.withSensitive(true) : known;
        }
        if (planned.isWhollyKnown()) {
            return planned;
        }
        return switch (planned) {
            case Value.ObjectValue object -> new Value.ObjectValue(entries(object.attributes(), actual), object.sensitive());
            case Value.MapValue map -> new Value.MapValue(map.elementType(), entries(map.entries(), actual), map.sensitive());
            case Value.ListValue list -> new Value.ListValue(list.elementType(), elements(list.elements(), actual), list.sensitive());
            case Value.TupleValue tuple -> new Value.TupleValue(elements(tuple.elements(), actual), tuple.sensitive());
            case Value.SetValue set -> new Value.SetValue(set.elementType(), elements(set.elements(), actual), set.sensitive());
            case Value.StringValue ignored -> planned;
            case Value.NumberValue ignored -> planned;
            case Value.BoolValue ignored -> planned;
            case Value.Null ignored -> planned;
            case Value.Unknown ignored -> planned;
        };
    }

    private static TreeMap<String, Value> entries(SortedMap<String, Value> planned, Value actual)
    {
        SortedMap<String, Value> source = actual.asMapping().orElse(new TreeMap<>());
        TreeMap<String, Value> filled = new TreeMap<>();
        planned.forEach((name, part) -> filled.put(name, fill(part, Optional.ofNullable(source.get(name)).orElse(Value.nullOf(part.type())))));
        return filled;
    }

    private static List<Value> elements(List<Value> planned, Value actual)
    {
        List<Value> source = actual.asSequence().orElse(List.of());
        List<Value> filled = new ArrayList<>();
        for (int index = 0; index < planned.size(); index++) {
            filled.add(fill(planned.get(index), index < source.size() ? source.get(index) : Value.nullOf(planned.get(index).type())));
        }
        return filled;
    }
}
