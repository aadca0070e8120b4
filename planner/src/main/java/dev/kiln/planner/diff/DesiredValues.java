package dev.kiln.planner.diff;

import dev.kiln.lang.config.schema.AttributeSchema;
import dev.kiln.lang.config.schema.BlockSchema;
import dev.kiln.lang.config.schema.DecodedAttribute;
import dev.kiln.lang.config.schema.DecodedBlock;
import dev.kiln.lang.config.schema.NestedBlockSchema;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A configured resource instance as a value of its schema's implied type: written and
 * defaulted arguments as decoded, omitted ones null, computed ones taken from the prior
 * value (they are the provider's to set) or unknown; nested blocks as objects, lists of
 * objects, or maps of objects by label, each matched to its prior counterpart.
 */
final class DesiredValues
{
    private DesiredValues() {}

    static Value of(DecodedBlock block, BlockSchema schema, Optional<Value> prior)
    {
        TreeMap<String, Value> attributes = new TreeMap<>();
        for (AttributeSchema attribute : schema.attributes().values()) {
            attributes.put(attribute.name(), attribute(block.attribute(attribute.name()), attribute, child(prior, attribute.name())));
        }
        for (Map.Entry<String, NestedBlockSchema> nested : schema.blocks().entrySet()) {
            attributes.put(nested.getKey(), nested(block.blocks(nested.getKey()), nested.getValue(), child(prior, nested.getKey())));
        }
        return Value.object(attributes);
    }

    private static Value attribute(Optional<DecodedAttribute> decoded, AttributeSchema schema, Optional<Value> prior)
    {
        if (decoded.isPresent()) {
            return decoded.get().value();
        }
        if (!schema.computed()) {
            return Value.nullOf(schema.type());
        }
        if (prior.isPresent() && !prior.get().isNull()) {
            return prior.get();
        }
        return Value.unknown(schema.type()).withSensitive(schema.sensitive());
    }

    private static Value nested(List<DecodedBlock> blocks, NestedBlockSchema schema, Optional<Value> prior)
    {
        Type.ObjectType elementType = ResourceSchemas.impliedType(schema.schema());
        return switch (schema.nesting()) {
            case SINGLE -> blocks.isEmpty() ? Value.nullOf(elementType) : of(blocks.getFirst(), schema.schema(), prior);
            case LIST -> {
                List<Value> elements = new ArrayList<>();
                for (int index = 0; index < blocks.size(); index++) {
                    elements.add(of(blocks.get(index), schema.schema(), element(prior, index)));
                }
                yield Value.list(elementType, elements);
            }
            case LABELED -> {
                TreeMap<String, Value> entries = new TreeMap<>();
                for (DecodedBlock nested : blocks) {
                    String label = nested.labels().isEmpty() ? "" : nested.labels().getFirst().value();
                    entries.put(label, of(nested, schema.schema(), child(prior, label)));
                }
                yield Value.map(elementType, entries);
            }
        };
    }

    private static Optional<Value> child(Optional<Value> parent, String name)
    {
        return parent.flatMap(value -> switch (value) {
            case Value.ObjectValue object -> Optional.ofNullable(object.attributes().get(name));
            case Value.MapValue map -> Optional.ofNullable(map.entries().get(name));
            case Value.StringValue ignored -> Optional.empty();
            case Value.NumberValue ignored -> Optional.empty();
            case Value.BoolValue ignored -> Optional.empty();
            case Value.Null ignored -> Optional.empty();
            case Value.Unknown ignored -> Optional.empty();
            case Value.ListValue ignored -> Optional.empty();
            case Value.SetValue ignored -> Optional.empty();
            case Value.TupleValue ignored -> Optional.empty();
        });
    }

    private static Optional<Value> element(Optional<Value> parent, int index)
    {
        if (parent.isPresent() && parent.get() instanceof Value.ListValue list && index < list.elements().size()) {
            return Optional.of(list.elements().get(index));
        }
        return Optional.empty();
    }
}
