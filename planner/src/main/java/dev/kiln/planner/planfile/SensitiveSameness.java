package dev.kiln.planner.planfile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;
import dev.kiln.planner.diff.ValueChanges;
import dev.kiln.state.StateJson;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Which sensitive parts of a change's value equal the other side, so a saved plan that
 * leaves them out can still show them as unchanged; and the placeholder such a part reads
 * back as: a value of its type, marked sensitive, holding nothing of the real value.
 */
final class SensitiveSameness
{
    private SensitiveSameness() {}

    static JsonNode mask(Value value, Optional<Value> counterpart)
    {
        if (value.sensitive()) {
            return BooleanNode.valueOf(counterpart.isPresent() && ValueChanges.changedPaths(value, counterpart.get()).isEmpty());
        }
        return switch (value) {
            case Value.ObjectValue object -> entries(object.attributes(), counterpart.flatMap(Value::asMapping));
            case Value.MapValue map -> entries(map.entries(), counterpart.flatMap(Value::asMapping));
            case Value.ListValue list -> elements(list.elements(), counterpart.flatMap(Value::asSequence));
            case Value.TupleValue tuple -> elements(tuple.elements(), counterpart.flatMap(Value::asSequence));
            case Value.SetValue set -> elements(set.elements(), counterpart.flatMap(Value::asSequence));
            case Value.StringValue ignored -> BooleanNode.FALSE;
            case Value.NumberValue ignored -> BooleanNode.FALSE;
            case Value.BoolValue ignored -> BooleanNode.FALSE;
            case Value.Null ignored -> BooleanNode.FALSE;
            case Value.Unknown ignored -> BooleanNode.FALSE;
        };
    }

    /** A value of {@code type} marked sensitive that holds nothing: empty strings and collections, zero, false. */
    static Value placeholder(Type type)
    {
        Value value = switch (type) {
            case Type.Primitive primitive -> switch (primitive) {
                case STRING -> Value.string("");
                case NUMBER -> Value.number(0);
                case BOOL -> Value.bool(false);
            };
            case Type.Dynamic ignored -> Value.string("");
            case Type.ListType list -> Value.list(list.element(), List.of());
            case Type.SetType set -> Value.set(set.element(), List.of());
            case Type.MapType map -> Value.map(map.element(), Map.of());
            case Type.TupleType tuple -> Value.tuple(tuple.elements().stream().map(SensitiveSameness::placeholder).toList());
            case Type.ObjectType object -> {
                TreeMap<String, Value> attributes = new TreeMap<>();
                object.attributes().forEach((name, attributeType) -> attributes.put(name, placeholder(attributeType)));
                yield Value.object(attributes);
            }
        };
        return value.withSensitive(true);
    }

    private static JsonNode entries(Map<String, Value> entries, Optional<SortedMap<String, Value>> counterpart)
    {
        ObjectNode node = StateJson.object();
        entries.forEach((name, child) -> {
            JsonNode mask = mask(child, counterpart.map(other -> other.get(name)));
            if (!mask.isBoolean() || mask.booleanValue()) {
                node.set(name, mask);
            }
        });
        return node;
    }

    private static JsonNode elements(List<Value> elements, Optional<List<Value>> counterpart)
    {
        ArrayNode node = StateJson.array();
        for (int index = 0; index < elements.size(); index++) {
            int position = index;
            node.add(mask(elements.get(index), counterpart.filter(other -> position < other.size()).map(other -> other.get(position))));
        }
        return node;
    }
}
