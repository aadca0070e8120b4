package dev.kiln.lang.ast;

import dev.kiln.lang.diag.SourceRange;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** The contents of a file or of a block: attributes and blocks in source order. */
public record Body(List<BodyItem> items, SourceRange range)
{
    public Body
    {
        items = List.copyOf(items);
        requireNonNull(range, "range is null");
    }

    public List<Attribute> attributes()
    {
        return items.stream()
                .filter(Attribute.class::isInstance)
                .map(Attribute.class::cast)
                .toList();
    }

    public List<Block> blocks()
    {
        return items.stream()
                .filter(Block.class::isInstance)
                .map(Block.class::cast)
                .toList();
    }
}
