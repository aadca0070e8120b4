package dev.kiln.lang.ast;

import dev.kiln.lang.diag.SourceRange;

import static java.util.Objects.requireNonNull;

/** {@code name = expression}; {@code range} covers both. */
public record Attribute(String name, Expression expression, SourceRange nameRange, SourceRange range)
        implements BodyItem
{
    public Attribute
    {
        requireNonNull(name, "name is null");
        requireNonNull(expression, "expression is null");
        requireNonNull(nameRange, "nameRange is null");
        requireNonNull(range, "range is null");
    }
}
