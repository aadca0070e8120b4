package dev.kiln.planner.spi;

import dev.kiln.lang.config.schema.AttributeSchema;
import dev.kiln.lang.config.schema.BlockSchema;
import dev.kiln.lang.config.schema.NestedBlockSchema;
import dev.kiln.lang.value.Type;
import dev.kiln.state.AttributePath;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * A resource type's schema as the planner sees it: the language's {@link BlockSchema}
 * (attributes with types, required/optional/computed, sensitive; nested blocks) and the
 * attribute paths whose change cannot be made in place ({@code forcesReplacement}).
 * A resource instance's value is an object of {@link #impliedType()}: attributes by name,
 * a single nested block as an object (null when absent), a list block as a list of objects
 * and a labeled block as a map of objects by label.
 */
public record ResourceSchema(BlockSchema block, SortedSet<AttributePath> forcesReplacement)
{
    private static final int CACHED_SCHEMAS = 1_000;
    private static final Map<BlockSchema, Type.ObjectType> IMPLIED_TYPES = Collections.synchronizedMap(new IdentityHashMap<>());

    public ResourceSchema
    {
        requireNonNull(block, "block is null");
        forcesReplacement = Collections.unmodifiableSortedSet(new TreeSet<>(requireNonNull(forcesReplacement, "forcesReplacement is null")));
    }

    public static ResourceSchema of(BlockSchema block, AttributePath... forcesReplacement)
    {
        return new ResourceSchema(block, new TreeSet<>(Set.of(forcesReplacement)));
    }

    /** The object type of a resource instance's value. */
    public Type.ObjectType impliedType()
    {
        return impliedType(block);
    }

    /** Whether changing the value at {@code path} (or inside it) forces replacement. */
    public boolean forcesReplacement(AttributePath path)
    {
        requireNonNull(path, "path is null");
        return forcesReplacement.stream().anyMatch(forcing -> startsWith(path, forcing));
    }

    private static boolean startsWith(AttributePath path, AttributePath prefix)
    {
        return path.steps().size() >= prefix.steps().size() && path.steps().subList(0, prefix.steps().size()).equals(prefix.steps());
    }

    /**
     * The implied type of {@code block}, computed once per schema object: the planner asks for
     * it for every recorded and configured instance (hundreds of thousands of times in a large
     * plan), and building it allocates a map per nested block. A record cannot hold a lazily
     * computed field, so the types are kept here by schema identity; schemas are few and
     * long-lived (one per resource type and nested block), so the map stays small; past
     * {@value #CACHED_SCHEMAS} schemas (only schemas built on the fly could get there) types are
     * computed without being kept.
     */
    static Type.ObjectType impliedType(BlockSchema block)
    {
        Type.ObjectType known = IMPLIED_TYPES.get(block);
        if (known != null) {
            return known;
        }
        Type.ObjectType type = buildImpliedType(block);
        if (IMPLIED_TYPES.size() < CACHED_SCHEMAS) {
            IMPLIED_TYPES.put(block, type);
        }
        return type;
    }

    private static Type.ObjectType buildImpliedType(BlockSchema block)
    {
        TreeMap<String, Type> attributes = new TreeMap<>();
        for (AttributeSchema attribute : block.attributes().values()) {
            attributes.put(attribute.name(), attribute.type());
        }
        for (Map.Entry<String, NestedBlockSchema> nested : block.blocks().entrySet()) {
            Type.ObjectType element = impliedType(nested.getValue().schema());
            attributes.put(nested.getKey(), switch (nested.getValue().nesting()) {
                case SINGLE -> element;
                case LIST -> new Type.ListType(element);
                case LABELED -> new Type.MapType(element);
            });
        }
        return Type.ObjectType.of(attributes);
    }
}
