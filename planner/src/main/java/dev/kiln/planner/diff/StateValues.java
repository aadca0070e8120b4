package dev.kiln.planner.diff;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.lang.value.Value;
import dev.kiln.lang.value.ValueJson;
import dev.kiln.planner.spi.ResourceSchema;
import dev.kiln.state.AttributePath;
import dev.kiln.state.PathStep;
import dev.kiln.state.ResourceInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * Resource values to and from the state's form: attributes as a JSON object beside the paths
 * of their sensitive parts. Decoding types the JSON with the schema and marks those paths.
 */
public final class StateValues
{
    private StateValues() {}

    /** The recorded instance as a value of {@code schema}'s implied type, sensitive paths marked. */
    public static Value decode(ResourceInstance instance, ResourceSchema schema)
            throws ValueJson.DecodeException
    {
        requireNonNull(instance, "instance is null");
        requireNonNull(schema, "schema is null");
        return marked(ValueJson.fromJson(instance.attributes(), schema.impliedType()), instance.sensitivePaths());
    }

    /** {@code value} with its parts at {@code paths} marked sensitive; a path the value does not have is passed over. */
    static Value marked(Value value, List<AttributePath> paths)
    {
        Value marked = value;
        for (AttributePath path : paths) {
            marked = mark(marked, path.steps(), 0);
        }
        return marked;
    }

    /** The attributes JSON to record; every part must be known. */
    public static JsonNode attributes(Value value)
    {
        return ValueJson.toJson(requireNonNull(value, "value is null").unmarkedDeep());
    }

    /** The paths of the value's sensitive parts, sorted (a marked part's insides are not listed again). */
    public static List<AttributePath> sensitivePaths(Value value)
    {
        List<AttributePath> paths = new ArrayList<>();
        collect(requireNonNull(value, "value is null"), new ArrayList<>(), paths);
        return paths.stream().sorted().toList();
    }

    private static void collect(Value value, List<PathStep> path, List<AttributePath> paths)
    {
        if (value.sensitive() && !path.isEmpty()) {
            paths.add(new AttributePath(path));
            return;
        }
        switch (value) {
            case Value.ObjectValue object -> object.attributes().forEach((name, child) -> collect(child, append(path, new PathStep.Attribute(name)), paths));
            case Value.MapValue map -> map.entries().forEach((key, child) -> collect(child, append(path, new PathStep.Key(key)), paths));
            case Value.ListValue list -> collectElements(list.elements(), path, paths);
            case Value.TupleValue tuple -> collectElements(tuple.elements(), path, paths);
            case Value.SetValue set -> collectElements(set.elements(), path, paths);
            case Value.StringValue ignored -> {
            }
            case Value.NumberValue ignored -> {
            }
            case Value.BoolValue ignored -> {
            }
            case Value.Null ignored -> {
            }
            case Value.Unknown ignored -> {
            }
        }
    }

    private static void collectElements(List<Value> elements, List<PathStep> path, List<AttributePath> paths)
    {
        for (int index = 0; index < elements.size(); index++) {
            collect(elements.get(index), append(path, new PathStep.Index(index)), paths);
        }
    }

    private static List<PathStep> append(List<PathStep> path, PathStep step)
    {
        List<PathStep> longer = new ArrayList<>(path);
        longer.add(step);
        return longer;
    }

    private static Value mark(Value value, List<PathStep> steps, int position)
    {
        if (position == steps.size()) {
            return value.withSensitive(true);
        }
        PathStep step = steps.get(position);
        if (step instanceof PathStep.Attribute attribute && value instanceof Value.ObjectValue object && object.attributes().containsKey(attribute.name())) {
            TreeMap<String, Value> attributes = new TreeMap<>(object.attributes());
            attributes.put(attribute.name(), mark(attributes.get(attribute.name()), steps, position + 1));
            return new Value.ObjectValue(attributes, object.sensitive());
        }
        if (step instanceof PathStep.Key key && value instanceof Value.MapValue map && map.entries().containsKey(key.value())) {
            TreeMap<String, Value> entries = new TreeMap<>(map.entries());
            entries.put(key.value(), mark(entries.get(key.value()), steps, position + 1));
            return new Value.MapValue(map.elementType(), entries, map.sensitive());
        }
        if (step instanceof PathStep.Index index && value instanceof Value.ListValue list && index.value() < list.elements().size()) {
            List<Value> elements = new ArrayList<>(list.elements());
            elements.set((int) index.value(), mark(elements.get((int) index.value()), steps, position + 1));
            return new Value.ListValue(list.elementType(), elements, list.sensitive());
        }
        if (step instanceof PathStep.Index index && value instanceof Value.TupleValue tuple && index.value() < tuple.elements().size()) {
            List<Value> elements = new ArrayList<>(tuple.elements());
            elements.set((int) index.value(), mark(elements.get((int) index.value()), steps, position + 1));
            return new Value.TupleValue(elements, tuple.sensitive());
        }
        return value;
    }
}
