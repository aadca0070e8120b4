package dev.kiln.lang.config;

import dev.kiln.lang.addr.Reference;
import dev.kiln.lang.diag.SourceRange;
import dev.kiln.lang.value.Value;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * An output value as configured; its value may be unknown until apply. {@code references}
 * are the resources it depends on; {@code range} is the declaration's header.
 */
public record Output(String name, Value value, boolean sensitive, String description, List<Reference> references, SourceRange range)
{
    public Output
    {
        requireNonNull(name, "name is null");
        requireNonNull(value, "value is null");
        requireNonNull(description, "description is null");
        references = List.copyOf(references);
        requireNonNull(range, "range is null");
    }
}
