package dev.kiln.lang.config;

import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.ast.Attribute;
import dev.kiln.lang.ast.Block;
import dev.kiln.lang.config.schema.BlockSchema;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * A resource block as declared, before evaluation: its schema, its meta-arguments
 * ({@code count}, {@code for_each}, {@code provider}, {@code depends_on}) and how it expands.
 */
record ResourceDeclaration(String type, String name, Block block, BlockSchema schema, Map<String, Attribute> metaArguments)
{
    static final String COUNT = "count";
    static final String FOR_EACH = "for_each";
    static final String PROVIDER = "provider";
    static final String DEPENDS_ON = "depends_on";
    static final Set<String> META_ARGUMENTS = Set.of(COUNT, FOR_EACH, PROVIDER, DEPENDS_ON);

    ResourceDeclaration
    {
        requireNonNull(type, "type is null");
        requireNonNull(name, "name is null");
        requireNonNull(block, "block is null");
        requireNonNull(schema, "schema is null");
        metaArguments = Map.copyOf(metaArguments);
    }

    ResourceAddress address()
    {
        return ResourceAddress.of(type, name);
    }

    Optional<Attribute> metaArgument(String name)
    {
        return Optional.ofNullable(metaArguments.get(name));
    }

    /** {@code count} wins when both are set (that combination is reported separately). */
    Expansion expansion()
    {
        if (metaArguments.containsKey(COUNT)) {
            return Expansion.COUNT;
        }
        return metaArguments.containsKey(FOR_EACH) ? Expansion.FOR_EACH : Expansion.SINGLE;
    }
}
