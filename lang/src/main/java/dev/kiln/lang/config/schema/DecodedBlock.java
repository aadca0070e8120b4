package dev.kiln.lang.config.schema;

import dev.kiln.lang.ast.Block;
import dev.kiln.lang.diag.SourceRange;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A block checked against its {@link BlockSchema} and evaluated: every argument the schema
 * declares that was written or has a default, converted to its type, and the nested blocks
 * by type in source order. Values may be unknown (they reference things known after apply).
 */
public record DecodedBlock(
        String type,
        List<Block.Label> labels,
        Map<String, DecodedAttribute> attributes,
        Map<String, List<DecodedBlock>> blocks,
        SourceRange typeRange,
        SourceRange range)
{
    public DecodedBlock
    {
        requireNonNull(type, "type is null");
        labels = List.copyOf(labels);
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        LinkedHashMap<String, List<DecodedBlock>> copy = new LinkedHashMap<>();
        blocks.forEach((name, list) -> copy.put(name, List.copyOf(list)));
        blocks = Collections.unmodifiableMap(copy);
        requireNonNull(typeRange, "typeRange is null");
        requireNonNull(range, "range is null");
    }

    public Optional<DecodedAttribute> attribute(String name)
    {
        return Optional.ofNullable(attributes.get(name));
    }

    public List<DecodedBlock> blocks(String type)
    {
        return blocks.getOrDefault(type, List.of());
    }

    public Optional<DecodedBlock> block(String type)
    {
        List<DecodedBlock> found = blocks(type);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
    }
}
