package dev.kiln.lang.ast;

import dev.kiln.lang.diag.SourceRange;

import java.util.ArrayList;
import java.util.Collections;
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
        List<Attribute> attributes = new ArrayList<>(items.size());
        for (BodyItem item : items) {
            if (item instanceof Attribute attribute) {
                attributes.add(attribute);
            }
        }
        return Collections.unmodifiableList(attributes);
    }

    public List<Block> blocks()
    {
        List<Block> blocks = new ArrayList<>();
        for (BodyItem item : items) {
            if (item instanceof Block block) {
                blocks.add(block);
            }
        }
        return Collections.unmodifiableList(blocks);
    }
}
