package dev.kiln.lang.config.model;

import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.diag.SourceRange;

import static java.util.Objects.requireNonNull;

/** A reference to one resource from an argument ({@code registry = registry.mirror}), with the reference's range. */
public record ResourceReference(ResourceAddress target, SourceRange range)
{
    public ResourceReference
    {
        requireNonNull(target, "target is null");
        requireNonNull(range, "range is null");
    }
}
