package dev.kiln.lang.config;

import dev.kiln.lang.ast.Block;
import dev.kiln.lang.config.schema.BlockSchema;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** A {@code provider "type"} block, with its {@code alias} when it has one. */
record ProviderDeclaration(String type, Optional<String> alias, Block block, BlockSchema schema)
{
    ProviderDeclaration
    {
        requireNonNull(type, "type is null");
        requireNonNull(alias, "alias is null");
        requireNonNull(block, "block is null");
        requireNonNull(schema, "schema is null");
    }

    /** {@code capi} or {@code capi.east}, as resources name it in {@code provider = ...}. */
    String name()
    {
        return alias.map(value -> type + "." + value).orElse(type);
    }
}
