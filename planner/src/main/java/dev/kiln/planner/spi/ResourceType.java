package dev.kiln.planner.spi;

import static java.util.Objects.requireNonNull;

/**
 * A kind of resource the planner can plan for ({@code node}, {@code cluster}): its name as
 * written in configuration blocks, its schema, and the rule that decides how a recorded
 * instance becomes the configured one. Providers register theirs in {@link ResourceTypes}.
 */
public record ResourceType(String name, ResourceSchema schema, DiffRule diffRule)
{
    public ResourceType
    {
        requireNonNull(name, "name is null");
        requireNonNull(schema, "schema is null");
        requireNonNull(diffRule, "diffRule is null");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("resource type name is empty");
        }
    }
}
