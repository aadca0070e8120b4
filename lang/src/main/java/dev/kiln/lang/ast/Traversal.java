package dev.kiln.lang.ast;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A chain of static steps. In a {@link Expression.ScopeTraversal} the first step is a
 * {@link Traverser.Root}; in a {@link Expression.RelativeTraversal} there is none.
 */
public record Traversal(List<Traverser> steps)
{
    public Traversal
    {
        steps = List.copyOf(steps);
    }

    /** The root variable's name; only for scope traversals. */
    public String rootName()
    {
        if (steps.isEmpty() || !(steps.getFirst() instanceof Traverser.Root root)) {
            throw new IllegalStateException("not a scope traversal: " + this);
        }
        return root.name();
    }

    /** The canonical source form, {@code node.w[0].address}. */
    @Override
    public String toString()
    {
        return steps.stream().map(Traverser::sourceForm).collect(Collectors.joining());
    }
}
