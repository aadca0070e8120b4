package dev.kiln.lang.addr;

import dev.kiln.lang.ast.Traversal;
import dev.kiln.lang.diag.SourceRange;

import static java.util.Objects.requireNonNull;

/**
 * A reference from an expression to a resource, kept for the planner's graph:
 * {@code node.m1.address} is target {@code node.m1} with remaining {@code .address};
 * {@code node.w[*].address} and {@code node.w} (all instances) have a target without key and
 * {@code allInstances} set.
 */
public record Reference(ResourceAddress target, boolean allInstances, Traversal remaining, SourceRange range)
{
    public Reference
    {
        requireNonNull(target, "target is null");
        requireNonNull(remaining, "remaining is null");
        requireNonNull(range, "range is null");
    }
}
