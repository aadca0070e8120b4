package dev.kiln.lang.config;

import dev.kiln.lang.addr.Reference;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.ast.Attribute;
import dev.kiln.lang.ast.Expression;
import dev.kiln.lang.config.model.KilnSchemas;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads {@code depends_on = [cluster.prod, node.w]}: references to whole resources or instances. */
final class DependsOn
{
    private DependsOn() {}

    static List<ResourceAddress> resolve(Attribute attribute, Scope scope, Diagnostics diagnostics)
    {
        if (!(attribute.expression() instanceof Expression.TupleConstructor tuple)) {
            invalid(attribute.expression(), diagnostics);
            return List.of();
        }
        List<ResourceAddress> targets = new ArrayList<>();
        for (Expression element : tuple.elements()) {
            target(element, scope, diagnostics).ifPresent(targets::add);
        }
        return targets.stream().distinct().sorted().toList();
    }

    private static Optional<ResourceAddress> target(Expression element, Scope scope, Diagnostics diagnostics)
    {
        if (!(element instanceof Expression.ScopeTraversal traversal)) {
            invalid(element, diagnostics);
            return Optional.empty();
        }
        StaticReference reference = new StaticReference(traversal.traversal(), Optional.empty(), traversal.range());
        Optional<Dependency> dependency = ReferenceChecker.check(reference, scope.withIteration(Expansion.SINGLE), diagnostics);
        if (dependency.isEmpty()) {
            if (!KilnSchemas.isResourceType(reference.rootName())) {
                invalid(element, diagnostics);
            }
            return Optional.empty();
        }
        if (!(dependency.get() instanceof Dependency.OnResource(Reference target)) || !target.remaining().steps().isEmpty()) {
            invalid(element, diagnostics);
            return Optional.empty();
        }
        return Optional.of(target.target());
    }

    private static void invalid(Expression element, Diagnostics diagnostics)
    {
        diagnostics.add(Diagnostic.error(
                "Invalid depends_on reference",
                "The depends_on argument must be a list of references to whole resources or resource instances, like [cluster.prod, node.w[0]].",
                element.range()));
    }
}
