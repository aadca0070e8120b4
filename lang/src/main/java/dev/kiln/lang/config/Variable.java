package dev.kiln.lang.config;

import dev.kiln.lang.diag.SourceRange;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;

import static java.util.Objects.requireNonNull;

/**
 * An input variable with its final value (from the command line, a variable file, the
 * environment or its default), converted to {@code type}; marked sensitive when declared so.
 * {@code range} is the declaration's header.
 */
public record Variable(String name, Type type, Value value, boolean sensitive, boolean nullable, String description, SourceRange range)
{
    public Variable
    {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(value, "value is null");
        requireNonNull(description, "description is null");
        requireNonNull(range, "range is null");
    }
}
