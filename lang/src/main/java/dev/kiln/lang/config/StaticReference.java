package dev.kiln.lang.config;

import dev.kiln.lang.ast.Traversal;
import dev.kiln.lang.diag.SourceRange;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A name an expression refers to, as written: {@code var.x}, {@code node.w[0].address}. For
 * a splat over a reference, {@code node.w[*].address}, {@code traversal} is {@code node.w}
 * and {@code afterSplat} holds {@code .address}.
 */
record StaticReference(Traversal traversal, Optional<Traversal> afterSplat, SourceRange range)
{
    StaticReference
    {
        requireNonNull(traversal, "traversal is null");
        requireNonNull(afterSplat, "afterSplat is null");
        requireNonNull(range, "range is null");
    }

    String rootName()
    {
        return traversal.rootName();
    }
}
