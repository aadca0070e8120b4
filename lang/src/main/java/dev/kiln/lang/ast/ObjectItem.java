package dev.kiln.lang.ast;

import static java.util.Objects.requireNonNull;

/**
 * One {@code key = value} (or {@code key: value}) item of an object constructor. A bare
 * identifier key is a {@link Expression.ScopeTraversal} of one name with {@code bareKey}
 * set: it means the string, not the variable.
 */
public record ObjectItem(Expression key, boolean bareKey, Expression value)
{
    public ObjectItem
    {
        requireNonNull(key, "key is null");
        requireNonNull(value, "value is null");
    }
}
