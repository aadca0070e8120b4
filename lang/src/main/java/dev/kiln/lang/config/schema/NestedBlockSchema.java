package dev.kiln.lang.config.schema;

import static java.util.Objects.requireNonNull;

/**
 * A block type allowed inside another. {@code SINGLE}: at most one ({@code required}: exactly
 * one); {@code LIST}: any number, in order; {@code LABELED}: any number, each with a label
 * that must be unique among its siblings ({@code worker_pool "a"}). {@code oneOfGroup}, when
 * not empty, names a group of block types of which at most one may appear
 * ({@code fs} or {@code s3}; {@code state "local"} or {@code state "s3"}).
 */
public record NestedBlockSchema(BlockSchema schema, Nesting nesting, boolean required, String oneOfGroup, String description)
{
    public enum Nesting
    {
        SINGLE,
        LIST,
        LABELED,
    }

    public NestedBlockSchema
    {
        requireNonNull(schema, "schema is null");
        requireNonNull(nesting, "nesting is null");
        requireNonNull(oneOfGroup, "oneOfGroup is null");
        requireNonNull(description, "description is null");
    }

    public static NestedBlockSchema single(BlockSchema schema, String description)
    {
        return new NestedBlockSchema(schema, Nesting.SINGLE, false, "", description);
    }

    public static NestedBlockSchema list(BlockSchema schema, String description)
    {
        return new NestedBlockSchema(schema, Nesting.LIST, false, "", description);
    }

    public static NestedBlockSchema labeled(BlockSchema schema, String description)
    {
        return new NestedBlockSchema(schema, Nesting.LABELED, false, "", description);
    }

    public NestedBlockSchema asRequired()
    {
        return new NestedBlockSchema(schema, nesting, true, oneOfGroup, description);
    }

    public NestedBlockSchema inGroup(String group)
    {
        return new NestedBlockSchema(schema, nesting, required, group, description);
    }
}
