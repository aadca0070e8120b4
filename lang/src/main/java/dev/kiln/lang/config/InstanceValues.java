package dev.kiln.lang.config;

import dev.kiln.lang.config.schema.AttributeSchema;
import dev.kiln.lang.config.schema.BlockSchema;
import dev.kiln.lang.config.schema.DecodedAttribute;
import dev.kiln.lang.config.schema.DecodedBlock;
import dev.kiln.lang.config.schema.NestedBlockSchema;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The value other expressions see for a resource instance taken from its configuration:
 * every attribute of the schema, written or defaulted values as decoded, computed ones
 * unknown (known after apply), others null; nested blocks as objects, lists of objects, or
 * objects keyed by label.
 */
final class InstanceValues
{
    private InstanceValues() {}

    static Value configured(DecodedBlock block, BlockSchema schema)
    {
        Map<String, Value> attributes = new TreeMap<>();
        for (AttributeSchema attribute : schema.attributes().values()) {
            attributes.put(attribute.name(), attribute(block, attribute));
        }
        schema.blocks().forEach((type, nested) -> attributes.put(type, nested(block.blocks(type), nested)));
        return Value.object(attributes);
    }

    private static Value attribute(DecodedBlock block, AttributeSchema schema)
    {
        if (schema.computed()) {
            return Value.unknown(schema.type()).withSensitive(schema.sensitive());
        }
        return block.attribute(schema.name())
                .map(DecodedAttribute::value)
                .orElseGet(() -> Value.nullOf(schema.type()));
    }

    private static Value nested(List<DecodedBlock> blocks, NestedBlockSchema schema)
    {
        return switch (schema.nesting()) {
            case SINGLE -> blocks.isEmpty() ? Value.nullOf(Type.DYNAMIC) : configured(blocks.getFirst(), schema.schema());
            case LIST -> Value.tuple(blocks.stream().map(block -> configured(block, schema.schema())).toList());
            case LABELED -> {
                Map<String, Value> byLabel = new TreeMap<>();
                for (DecodedBlock block : blocks) {
                    if (!block.labels().isEmpty()) {
                        byLabel.put(block.labels().getFirst().value(), configured(block, schema.schema()));
                    }
                }
                yield Value.object(byLabel);
            }
        };
    }
}
