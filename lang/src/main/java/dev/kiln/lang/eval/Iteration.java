package dev.kiln.lang.eval;

import dev.kiln.lang.diag.SourceRange;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The key/value pairs a {@code for} expression or directive visits: lists and tuples by
 * position, sets by element (the key is the element too), maps and objects by key in
 * lexical order. A sensitive collection's mark applies to each key and value.
 */
final class Iteration
{
    private Iteration() {}

    /**
     * The pairs, an empty list for an unknown collection (the caller makes its result
     * unknown), or empty after reporting a null or non-iterable collection.
     */
    static Optional<List<Map.Entry<Value, Value>>> elements(Evaluator evaluator, Value collection, SourceRange subject, SourceRange context)
    {
        if (collection.isNull()) {
            evaluator.error("Iteration over null value", "A null value cannot be used as the collection in a 'for' expression.", subject, context);
            return Optional.empty();
        }
        boolean sensitive = collection.sensitive();
        List<Map.Entry<Value, Value>> pairs = new ArrayList<>();
        switch (collection) {
            case Value.Unknown unknown -> {
                if (unknown.type() instanceof Type.Primitive) {
                    return notIterable(evaluator, collection, subject, context);
                }
            }
            case Value.ListValue list -> addSequence(pairs, list.elements(), sensitive);
            case Value.TupleValue tuple -> addSequence(pairs, tuple.elements(), sensitive);
            case Value.SetValue set -> set.elements().forEach(element -> pairs.add(pair(element, element, sensitive)));
            case Value.MapValue map -> map.entries().forEach((key, value) -> pairs.add(pair(Value.string(key), value, sensitive)));
            case Value.ObjectValue object -> object.attributes().forEach((key, value) -> pairs.add(pair(Value.string(key), value, sensitive)));
            default -> {
                return notIterable(evaluator, collection, subject, context);
            }
        }
        return Optional.of(List.copyOf(pairs));
    }

    private static Optional<List<Map.Entry<Value, Value>>> notIterable(Evaluator evaluator, Value collection, SourceRange subject, SourceRange context)
    {
        evaluator.error("Iteration over non-iterable value",
                "A value of type " + collection.type().friendlyName() + " cannot be used as the collection in a 'for' expression.", subject, context);
        return Optional.empty();
    }

    private static void addSequence(List<Map.Entry<Value, Value>> pairs, List<Value> elements, boolean sensitive)
    {
        for (int index = 0; index < elements.size(); index++) {
            pairs.add(pair(Value.number(index), elements.get(index), sensitive));
        }
    }

    private static Map.Entry<Value, Value> pair(Value key, Value value, boolean sensitive)
    {
        return new AbstractMap.SimpleImmutableEntry<>(Evaluator.mark(key, sensitive), Evaluator.mark(value, sensitive));
    }
}
