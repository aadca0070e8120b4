package dev.kiln.planner.diff;

import dev.kiln.lang.config.schema.AttributeSchema;
import dev.kiln.lang.config.schema.BlockSchema;
import dev.kiln.lang.config.schema.NestedBlockSchema;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;
import dev.kiln.planner.spi.ResourceSchema;

import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** What the differ derives from a block schema: the implied type, and a value with computed attributes made unknown again. */
final class ResourceSchemas
{
    private ResourceSchemas() {}

    static Type.ObjectType impliedType(BlockSchema block)
    {
        return new ResourceSchema(block, new TreeSet<>()).impliedType();
    }

    /** The value a replacement will have: computed attributes are the new object's, so unknown until apply. */
    static Value withComputedUnknown(Value value, BlockSchema schema)
    {
        if (!(value instanceof Value.ObjectValue object)) {
            return value;
        }
        TreeMap<String, Value> attributes = new TreeMap<>(object.attributes());
        for (AttributeSchema attribute : schema.attributes().values()) {
            if (attribute.computed()) {
                attributes.put(attribute.name(), Value.unknown(attribute.type()).withSensitive(attribute.sensitive()));
            }
        }
        for (Map.Entry<String, NestedBlockSchema> nested : schema.blocks().entrySet()) {
            Value child = attributes.get(nested.getKey());
            if (child != null) {
                attributes.put(nested.getKey(), nestedWithComputedUnknown(child, nested.getValue().schema()));
            }
        }
        return new Value.ObjectValue(attributes, object.sensitive());
    }

    private static Value nestedWithComputedUnknown(Value value, BlockSchema schema)
    {
        return switch (value) {
            case Value.ObjectValue object -> withComputedUnknown(object, schema);
            case Value.ListValue list -> new Value.ListValue(list.elementType(),
                    list.elements().stream().map(element -> withComputedUnknown(element, schema)).toList(), list.sensitive());
            case Value.MapValue map -> {
                TreeMap<String, Value> entries = new TreeMap<>();
                map.entries().forEach((key, entry) -> entries.put(key, withComputedUnknown(entry, schema)));
                yield new Value.MapValue(map.elementType(), entries, map.sensitive());
            }
            case Value.StringValue ignored -> value;
            case Value.NumberValue ignored -> value;
            case Value.BoolValue ignored -> value;
            case Value.Null ignored -> value;
            case Value.Unknown ignored -> value;
            case Value.SetValue ignored -> value;
            case Value.TupleValue ignored -> value;
        };
    }
}
