package dev.kiln.planner.planfile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;
import dev.kiln.lang.value.ValueJson;
import dev.kiln.planner.plan.ChangeValues;
import dev.kiln.state.StateJson;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Values in a plan file: {@code {"type", "value", "unknown", "sensitive", "same"}} with the
 * type in Terraform's JSON notation, the known, non-sensitive parts, the masks of unknown
 * and sensitive parts, and the mask of sensitive parts equal to the other side of the change.
 * Sensitive parts are not stored: one equal on both sides reads back as the same sensitive
 * placeholder of its type (so it still shows as unchanged), any other as unknown and
 * sensitive. Either way its real value must be evaluated again when the plan is applied.
 * In an encrypted plan file the sensitive parts are stored too ({@code "sensitive_stored": true})
 * and read back as they were, marked sensitive, so the plan applies as made.
 */
final class TypedValues
{
    private static final String SENSITIVE_STORED = "sensitive_stored";

    private TypedValues() {}

    /** The value, with {@code counterpart} the other side of its change (if any) to mark the sensitive parts that stay the same. */
    static JsonNode encode(Value value, Optional<Value> counterpart)
    {
        return encode(value, counterpart, false);
    }

    /** {@code withSensitive}: the file is encrypted, so the sensitive parts are stored as well. */
    static JsonNode encode(Value value, Optional<Value> counterpart, boolean withSensitive)
    {
        ObjectNode node = StateJson.object();
        node.set("type", ValueJson.typeToJson(value.type()));
        node.set("value", ChangeValues.knownJson(withSensitive ? value.unmarkedDeep() : value));
        if (withSensitive) {
            node.put(SENSITIVE_STORED, true);
        }
        node.set("unknown", ChangeValues.unknownMask(value));
        node.set("sensitive", ChangeValues.sensitiveMask(value));
        node.set("same", SensitiveSameness.mask(value, counterpart));
        return node;
    }

    static Value decode(JsonNode node)
            throws MalformedPlanException
    {
        if (node == null || !node.isObject() || !node.has("type")) {
            throw new MalformedPlanException("a value without its type");
        }
        Type type;
        try {
            type = ValueJson.typeFromJson(node.get("type"));
        }
        catch (ValueJson.DecodeException e) {
            throw new MalformedPlanException("a value's type: " + e.getMessage());
        }
        return decode(type, orNull(node.get("value")), new Masks(orFalse(node.get("unknown")), orFalse(node.get("sensitive")), orFalse(node.get("same")),
                isTrue(orFalse(node.get(SENSITIVE_STORED)))));
    }

    /** The masks at one place in a value; {@code sensitiveStored}: sensitive parts hold their values. */
    private record Masks(JsonNode unknown, JsonNode sensitive, JsonNode same, boolean sensitiveStored)
    {
        Masks attribute(String name)
        {
            return new Masks(orFalse(unknown.get(name)), orFalse(sensitive.get(name)), orFalse(same.get(name)), sensitiveStored);
        }

        Masks element(int index)
        {
            return new Masks(orFalse(unknown.get(index)), orFalse(sensitive.get(index)), orFalse(same.get(index)), sensitiveStored);
        }

        /** The same place read as not sensitive (its sensitivity is marked where the mark was). */
        Masks withoutSensitive()
        {
            return new Masks(unknown, BooleanNode.FALSE, same, sensitiveStored);
        }
    }

    private static Value decode(Type type, JsonNode value, Masks masks)
            throws MalformedPlanException
    {
        if (isTrue(masks.sensitive())) {
            if (masks.sensitiveStored()) {
                return decode(type, value, masks.withoutSensitive()).withSensitive(true);
            }
            return isTrue(masks.same()) ? SensitiveSameness.placeholder(type) : Value.unknown(type).withSensitive(true);
        }
        if (isTrue(masks.unknown())) {
            return Value.unknown(type);
        }
        if (value.isNull()) {
            return Value.nullOf(type);
        }
        return switch (type) {
            case Type.ObjectType object -> {
                TreeMap<String, Value> attributes = new TreeMap<>();
                for (Map.Entry<String, Type> attribute : object.attributes().entrySet()) {
                    String name = attribute.getKey();
                    attributes.put(name, decode(attribute.getValue(), orNull(value.get(name)), masks.attribute(name)));
                }
                yield Value.object(attributes);
            }
            case Type.MapType map -> {
                TreeSet<String> keys = new TreeSet<>();
                fieldNames(value, keys);
                fieldNames(masks.unknown(), keys);
                fieldNames(masks.sensitive(), keys);
                TreeMap<String, Value> entries = new TreeMap<>();
                for (String key : keys) {
                    entries.put(key, decode(map.element(), orNull(value.get(key)), masks.attribute(key)));
                }
                yield Value.map(map.element(), entries);
            }
            case Type.ListType list -> Value.list(list.element(), elements(value, masks, index -> list.element()));
            case Type.SetType set -> Value.set(set.element(), elements(value, masks, index -> set.element()));
            case Type.TupleType tuple -> Value.tuple(elements(value, masks, index -> index < tuple.elements().size() ? tuple.elements().get(index) : Type.DYNAMIC));
            case Type.Primitive primitive -> known(value, primitive);
            case Type.Dynamic dynamic -> known(value, dynamic);
        };
    }

    private interface ElementType
    {
        Type at(int index);
    }

    private static List<Value> elements(JsonNode value, Masks masks, ElementType types)
            throws MalformedPlanException
    {
        if (!value.isArray()) {
            throw new MalformedPlanException("a collection that is not an array");
        }
        List<Value> elements = new ArrayList<>();
        for (int index = 0; index < value.size(); index++) {
            elements.add(decode(types.at(index), value.get(index), masks.element(index)));
        }
        return elements;
    }

    private static Value known(JsonNode value, Type type)
            throws MalformedPlanException
    {
        try {
            return ValueJson.fromJson(value, type);
        }
        catch (ValueJson.DecodeException e) {
            throw new MalformedPlanException("a value: " + e.getMessage());
        }
    }

    private static void fieldNames(JsonNode node, TreeSet<String> names)
    {
        for (Iterator<String> fields = node.fieldNames(); fields.hasNext(); ) {
            names.add(fields.next());
        }
    }

    private static boolean isTrue(JsonNode node)
    {
        return node.isBoolean() && node.booleanValue();
    }

    private static JsonNode orNull(JsonNode node)
    {
        return node == null ? NullNode.getInstance() : node;
    }

    private static JsonNode orFalse(JsonNode node)
    {
        return node == null ? BooleanNode.FALSE : node;
    }
}
