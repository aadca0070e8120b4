package dev.kiln.providers.capi.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.lang.config.model.Setting;
import dev.kiln.lang.value.Value;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static dev.kiln.providers.capi.render.MarkedValues.NODES;

/**
 * The {@code spec = {...}} arguments of {@code infrastructure} and {@code machine} blocks:
 * configuration values as JSON (object keys sorted, numbers exact, sensitive parts and
 * unknown parts marked), merged into the fields Kiln renders.
 */
final class SpecValues
{
    private SpecValues() {}

    /** The setting's value as a JSON object, or an empty object when absent, unknown or not an object. */
    static ObjectNode object(Optional<Setting<Value>> setting)
    {
        JsonNode node = setting.map(SpecValues::json).orElse(NODES.objectNode());
        return node instanceof ObjectNode object ? object : NODES.objectNode();
    }

    static JsonNode json(Setting<Value> setting)
    {
        return switch (setting) {
            case Setting.Known<Value> known -> json(known.value(), known.sensitive());
            case Setting.Unknown<Value> ignored -> MarkedValues.unknown();
        };
    }

    static JsonNode json(Value value, boolean sensitiveAbove)
    {
        boolean sensitive = sensitiveAbove || value.sensitive();
        return switch (value) {
            case Value.Unknown ignored -> MarkedValues.unknown();
            case Value.Null ignored -> NODES.nullNode();
            case Value.StringValue string -> sensitive ? MarkedValues.sensitiveText(string.value()) : NODES.textNode(string.value());
            case Value.NumberValue number -> {
                var decimal = number.value().scale() < 0 ? number.value().setScale(0) : number.value();
                yield sensitive ? new MarkedValues.SensitiveNumber(decimal) : NODES.numberNode(decimal);
            }
            case Value.BoolValue bool -> sensitive ? new MarkedValues.SensitiveBoolean(bool.value()) : NODES.booleanNode(bool.value());
            case Value.ListValue list -> array(list.elements(), sensitive);
            case Value.SetValue set -> array(set.elements(), sensitive);
            case Value.TupleValue tuple -> array(tuple.elements(), sensitive);
            case Value.MapValue map -> object(map.entries(), sensitive);
            case Value.ObjectValue object -> object(object.attributes(), sensitive);
        };
    }

    /**
     * Merges {@code overlay} into {@code target}: objects field by field (recursively), any
     * other value replaces what was there. What the user writes in {@code spec} wins.
     */
    static ObjectNode merge(ObjectNode target, ObjectNode overlay)
    {
        overlay.fieldNames().forEachRemaining(name -> {
            JsonNode incoming = overlay.get(name);
            JsonNode existing = target.get(name);
            if (existing instanceof ObjectNode existingObject && incoming instanceof ObjectNode incomingObject) {
                merge(existingObject, incomingObject);
            }
            else {
                target.set(name, incoming.deepCopy());
            }
        });
        return target;
    }

    private static ArrayNode array(List<Value> elements, boolean sensitive)
    {
        ArrayNode array = NODES.arrayNode();
        elements.forEach(element -> array.add(json(element, sensitive)));
        return array;
    }

    private static ObjectNode object(Map<String, Value> entries, boolean sensitive)
    {
        ObjectNode object = NODES.objectNode();
        new TreeMap<>(entries).forEach((key, element) -> object.set(key, json(element, sensitive)));
        return object;
    }
}
