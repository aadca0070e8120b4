package dev.kiln.lang.config;

import dev.kiln.lang.ast.Attribute;
import dev.kiln.lang.ast.Expression;
import dev.kiln.lang.ast.Traverser;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;
import dev.kiln.lang.diag.DidYouMean;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Resolves a resource's {@code provider = capi.east}: a name written as a reference, not a value. */
final class ProviderReference
{
    private ProviderReference() {}

    /** {@code "capi.east"} or {@code "capi"} when it names a declared provider configuration. */
    static Optional<String> resolve(Attribute attribute, Collection<String> declared, Diagnostics diagnostics)
    {
        Optional<String> name = name(attribute.expression());
        if (name.isEmpty()) {
            diagnostics.add(Diagnostic.error(
                    "Invalid provider reference",
                    "The provider argument takes a provider type name, optionally followed by a period and an alias, like capi.east; "
                            + "it is not a string or other expression.",
                    attribute.expression().range()));
            return Optional.empty();
        }
        if (!declared.contains(name.get())) {
            diagnostics.add(Diagnostic.error(
                    "Reference to undefined provider",
                    "There is no provider configuration named \"" + name.get() + "\". Declare it with a provider block"
                            + (name.get().contains(".") ? " that sets the alias" : "") + "." + DidYouMean.sentence(name.get(), declared.stream().sorted().toList()),
                    attribute.expression().range()));
            return Optional.empty();
        }
        return name;
    }

    private static Optional<String> name(Expression expression)
    {
        if (!(expression instanceof Expression.ScopeTraversal traversal)) {
            return Optional.empty();
        }
        List<Traverser> steps = traversal.traversal().steps();
        if (steps.size() == 1) {
            return Optional.of(traversal.traversal().rootName());
        }
        if (steps.size() == 2 && steps.get(1) instanceof Traverser.Attribute alias) {
            return Optional.of(traversal.traversal().rootName() + "." + alias.name());
        }
        return Optional.empty();
    }
}
