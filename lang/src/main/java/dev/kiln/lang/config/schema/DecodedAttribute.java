package dev.kiln.lang.config.schema;

import dev.kiln.lang.addr.Reference;
import dev.kiln.lang.diag.SourceRange;
import dev.kiln.lang.value.Value;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * An argument's value after evaluation and conversion. {@code range} is the expression's
 * range (or the enclosing block's type range for a default that was not written), so rules
 * checking the value can point at it. {@code references} are the resource references the
 * expression made ({@code nodes = [node.m1, node.w[*]]}), in source order.
 */
public record DecodedAttribute(String name, Value value, boolean written, SourceRange range, List<Reference> references)
{
    public DecodedAttribute
    {
        requireNonNull(name, "name is null");
        requireNonNull(value, "value is null");
        requireNonNull(range, "range is null");
        references = List.copyOf(references);
    }

    /** An argument whose expression references no resource. */
    public DecodedAttribute(String name, Value value, boolean written, SourceRange range)
    {
        this(name, value, written, range, List.of());
    }
}
