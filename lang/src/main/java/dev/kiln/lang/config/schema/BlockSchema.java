package dev.kiln.lang.config.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * What a block may contain: its labels' names (for messages), its arguments and its nested
 * blocks. Maps keep declaration order, which is also the order of documentation.
 */
public record BlockSchema(List<String> labelNames, Map<String, AttributeSchema> attributes, Map<String, NestedBlockSchema> blocks)
{
    public BlockSchema
    {
        labelNames = List.copyOf(labelNames);
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(attributes, "attributes is null")));
        blocks = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(blocks, "blocks is null")));
    }

    public static Builder builder(String... labelNames)
    {
        return new Builder(List.of(labelNames));
    }

    public static final class Builder
    {
        private final List<String> labelNames;
        private final Map<String, AttributeSchema> attributes = new LinkedHashMap<>();
        private final Map<String, NestedBlockSchema> blocks = new LinkedHashMap<>();

        private Builder(List<String> labelNames)
        {
            this.labelNames = labelNames;
        }

        public Builder attribute(AttributeSchema attribute)
        {
            if (attributes.put(attribute.name(), attribute) != null) {
                throw new IllegalArgumentException("duplicate attribute " + attribute.name());
            }
            return this;
        }

        public Builder block(String type, NestedBlockSchema block)
        {
            if (blocks.put(type, block) != null) {
                throw new IllegalArgumentException("duplicate block type " + type);
            }
            return this;
        }

        public BlockSchema build()
        {
            return new BlockSchema(labelNames, attributes, blocks);
        }
    }
}
