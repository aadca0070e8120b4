package dev.kiln.planner.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.lang.value.Value;
import dev.kiln.lang.value.ValueJson;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static java.util.Objects.requireNonNull;

/**
 * A change's values in the JSON shapes of Terraform's plan format: the value with its
 * unknown and sensitive parts left out ({@code before}, {@code after}), and masks of the same
 * shape that hold {@code true} where a part is unknown ({@code after_unknown}) or sensitive
 * ({@code before_sensitive}, {@code after_sensitive}). A left-out object attribute is absent;
 * a left-out list element is {@code null}. Sensitive values never reach the JSON.
 */
public final class ChangeValues
{
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private ChangeValues() {}

    /** The value without its unknown and sensitive parts ({@code null} when the whole is left out). */
    public static JsonNode knownJson(Value value)
    {
        requireNonNull(value, "value is null");
        if (isHidden(value)) {
            return NullNode.getInstance();
        }
        return switch (value) {
            case Value.ListValue list -> knownArray(list.elements());
            case Value.SetValue set -> knownArray(set.elements());
            case Value.TupleValue tuple -> knownArray(tuple.elements());
            case Value.MapValue map -> knownObject(map.entries());
            case Value.ObjectValue object -> knownObject(object.attributes());
            case Value.StringValue ignored -> ValueJson.toJson(value);
            case Value.NumberValue ignored -> ValueJson.toJson(value);
            case Value.BoolValue ignored -> ValueJson.toJson(value);
            case Value.Null ignored -> NullNode.getInstance();
            case Value.Unknown ignored -> NullNode.getInstance();
        };
    }

    /** {@code true} where the value is unknown, in the value's shape; {@code false} when nothing is. */
    public static JsonNode unknownMask(Value value)
    {
        return mask(requireNonNull(value, "value is null"), candidate -> !candidate.isKnown());
    }

    /** {@code true} where the value is sensitive, in the value's shape; {@code false} when nothing is. */
    public static JsonNode sensitiveMask(Value value)
    {
        return mask(requireNonNull(value, "value is null"), Value::sensitive);
    }

    private static boolean isHidden(Value value)
    {
        return value.sensitive() || !value.isKnown();
    }

    private static JsonNode knownArray(List<Value> elements)
    {
        ArrayNode array = NODES.arrayNode();
        elements.forEach(element -> array.add(knownJson(element)));
        return array;
    }

    private static JsonNode knownObject(Map<String, Value> attributes)
    {
        ObjectNode object = NODES.objectNode();
        attributes.forEach((name, element) -> {
            if (!isHidden(element)) {
                object.set(name, knownJson(element));
            }
        });
        return object;
    }

    private static JsonNode mask(Value value, Predicate<Value> marked)
    {
        if (marked.test(value)) {
            return BooleanNode.TRUE;
        }
        return switch (value) {
            case Value.ListValue list -> maskArray(list.elements(), marked);
            case Value.SetValue set -> maskArray(set.elements(), marked);
            case Value.TupleValue tuple -> maskArray(tuple.elements(), marked);
            case Value.MapValue map -> maskObject(map.entries(), marked);
            case Value.ObjectValue object -> maskObject(object.attributes(), marked);
            case Value.StringValue ignored -> BooleanNode.FALSE;
            case Value.NumberValue ignored -> BooleanNode.FALSE;
            case Value.BoolValue ignored -> BooleanNode.FALSE;
            case Value.Null ignored -> BooleanNode.FALSE;
            case Value.Unknown ignored -> BooleanNode.FALSE;
        };
    }

    private static JsonNode maskArray(List<Value> elements, Predicate<Value> marked)
    {
        ArrayNode array = NODES.arrayNode();
        elements.forEach(element -> array.add(mask(element, marked)));
        return array;
    }

    private static JsonNode maskObject(Map<String, Value> attributes, Predicate<Value> marked)
    {
        ObjectNode object = NODES.objectNode();
        attributes.forEach((name, element) -> {
            JsonNode child = mask(element, marked);
            if (!child.isBoolean() || child.booleanValue()) {
                object.set(name, child);
            }
        });
        return object;
    }
}
