package dev.kiln.lang.ast;

import dev.kiln.lang.diag.SourceRange;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * {@code type "label" ... { body }}. {@code typeRange} covers the type name,
 * {@code headerRange} the type and labels up to the opening brace, {@code range} everything.
 */
public record Block(String type, List<Label> labels, Body body, SourceRange typeRange, SourceRange headerRange, SourceRange range)
        implements BodyItem
{
    public Block
    {
        requireNonNull(type, "type is null");
        labels = List.copyOf(labels);
        requireNonNull(body, "body is null");
        requireNonNull(typeRange, "typeRange is null");
        requireNonNull(headerRange, "headerRange is null");
        requireNonNull(range, "range is null");
    }

    /** A block label: a quoted string or an identifier. */
    public record Label(String value, SourceRange range)
    {
        public Label
        {
            requireNonNull(value, "value is null");
            requireNonNull(range, "range is null");
        }
    }
}
