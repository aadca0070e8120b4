package dev.kiln.lang.config;

import dev.kiln.lang.addr.InstanceKey;
import dev.kiln.lang.addr.Reference;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.ast.Traversal;
import dev.kiln.lang.ast.Traverser;
import dev.kiln.lang.config.model.KilnSchemas;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;
import dev.kiln.lang.diag.DidYouMean;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks a static reference against what is declared before anything is evaluated, so a
 * misspelled name gets a precise message (with a suggestion) rather than a generic one, and
 * yields what the reference depends on.
 */
final class ReferenceChecker
{
    private final Scope scope;
    private final Diagnostics diagnostics;

    private ReferenceChecker(Scope scope, Diagnostics diagnostics)
    {
        this.scope = scope;
        this.diagnostics = diagnostics;
    }

    /** The dependency a reference makes, or empty when it makes none or is invalid (then reported). */
    static Optional<Dependency> check(StaticReference reference, Scope scope, Diagnostics diagnostics)
    {
        return new ReferenceChecker(scope, diagnostics).check(reference);
    }

    private Optional<Dependency> check(StaticReference reference)
    {
        String root = reference.rootName();
        return switch (root) {
            case "var" -> attributeName(reference, "var").flatMap(name -> variable(reference, name));
            case "local" -> attributeName(reference, "local").flatMap(name -> local(reference, name));
            case "count" -> {
                if (scope.iteration() != Expansion.COUNT) {
                    error("Reference to \"count\" in non-counted context",
                            "The \"count\" object can only be used in resource blocks, and only when the \"count\" argument is set.",
                            reference);
                }
                yield Optional.empty();
            }
            case "each" -> {
                if (scope.iteration() != Expansion.FOR_EACH) {
                    error("Reference to \"each\" in context without for_each",
                            "The \"each\" object can only be used in resource blocks, and only when the \"for_each\" argument is set.",
                            reference);
                }
                yield Optional.empty();
            }
            default -> KilnSchemas.isResourceType(root) ? resource(reference) : Optional.empty();
        };
    }

    private Optional<String> attributeName(StaticReference reference, String root)
    {
        List<Traverser> steps = reference.traversal().steps();
        if (steps.size() >= 2 && steps.get(1) instanceof Traverser.Attribute attribute) {
            return Optional.of(attribute.name());
        }
        error("Invalid reference",
                "The \"" + root + "\" object cannot be accessed directly. Instead, access one of its attributes, like " + root + ".name.",
                reference);
        return Optional.empty();
    }

    private Optional<Dependency> variable(StaticReference reference, String name)
    {
        if (scope.variables().contains(name)) {
            return Optional.of(new Dependency.OnVariable(name));
        }
        error("Reference to undeclared input variable",
                "An input variable with the name \"" + name + "\" has not been declared. This variable can be declared with a variable \""
                        + name + "\" {} block." + DidYouMean.sentence(name, scope.variables().stream().sorted().toList()),
                reference);
        return Optional.empty();
    }

    private Optional<Dependency> local(StaticReference reference, String name)
    {
        if (scope.locals().contains(name)) {
            return Optional.of(new Dependency.OnLocal(name));
        }
        error("Reference to undeclared local value",
                "A local value with the name \"" + name + "\" has not been declared." + DidYouMean.sentence(name, scope.locals().stream().sorted().toList()),
                reference);
        return Optional.empty();
    }

    private Optional<Dependency> resource(StaticReference reference)
    {
        String type = reference.rootName();
        List<Traverser> steps = reference.traversal().steps();
        if (steps.size() < 2 || !(steps.get(1) instanceof Traverser.Attribute nameStep)) {
            error("Invalid reference",
                    "A reference to a resource type must be followed by the resource's name, like " + type + ".name.",
                    reference);
            return Optional.empty();
        }
        Optional<ResourceDeclaration> declaration = scope.resource(type, nameStep.name());
        if (declaration.isEmpty()) {
            error("Reference to undeclared resource",
                    "A resource \"" + type + "\" \"" + nameStep.name() + "\" has not been declared." + suggestion(type, nameStep.name()),
                    reference);
            return Optional.empty();
        }
        return instance(reference, declaration.get()).map(Dependency.OnResource::new);
    }

    /** A close name of the same type, or else the same name declared with another type. */
    private String suggestion(String type, String name)
    {
        String sameType = DidYouMean.sentence(name, scope.resourceNames(type));
        if (!sameType.isEmpty()) {
            return sameType;
        }
        return scope.resources().entrySet().stream()
                .filter(entry -> entry.getValue().containsKey(name))
                .map(entry -> " Did you mean \"" + entry.getKey() + "." + name + "\"?")
                .findFirst()
                .orElse("");
    }

    private Optional<Reference> instance(StaticReference reference, ResourceDeclaration declaration)
    {
        List<Traverser> steps = reference.traversal().steps();
        ResourceAddress address = declaration.address();
        Optional<Traverser> third = steps.size() > 2 ? Optional.of(steps.get(2)) : Optional.empty();
        if (reference.afterSplat().isPresent() || third.isEmpty()) {
            Traversal remaining = reference.afterSplat().orElse(new Traversal(List.of()));
            boolean all = declaration.expansion() != Expansion.SINGLE;
            return checkAttribute(remaining, declaration) ? Optional.of(new Reference(address, all, remaining, reference.range())) : Optional.empty();
        }
        if (declaration.expansion() == Expansion.SINGLE) {
            if (third.get() instanceof Traverser.Index index) {
                diagnostics.add(Diagnostic.error(
                        "Unexpected resource instance key",
                        "Because " + address + " does not have \"count\" or \"for_each\" set, references to it must not include an index key. "
                                + "Remove the bracketed index to refer to the single instance of this resource.",
                        index.range()));
                return Optional.empty();
            }
            Traversal remaining = ResourceReferences.rest(steps, 2);
            return checkAttribute(remaining, declaration) ? Optional.of(new Reference(address, false, remaining, reference.range())) : Optional.empty();
        }
        if (third.get() instanceof Traverser.Index index) {
            Traversal remaining = ResourceReferences.rest(steps, 3);
            if (!checkAttribute(remaining, declaration)) {
                return Optional.empty();
            }
            Optional<InstanceKey> key = ResourceReferences.key(index.key())
                    .filter(candidate -> candidate instanceof InstanceKey.Index == (declaration.expansion() == Expansion.COUNT));
            return Optional.of(key
                    .map(found -> new Reference(new ResourceAddress(address.type(), address.name(), found), false, remaining, reference.range()))
                    .orElseGet(() -> new Reference(address, true, remaining, reference.range())));
        }
        String example = declaration.expansion() == Expansion.COUNT ? "[count.index]" : "[each.key]";
        diagnostics.add(Diagnostic.error(
                "Missing resource instance key",
                "Because " + address + " has \"" + (declaration.expansion() == Expansion.COUNT ? "count" : "for_each")
                        + "\" set, its attributes must be accessed on specific instances, for example " + address + example
                        + ", or on all of them with " + address + "[*].",
                third.get().range()));
        return Optional.empty();
    }

    private boolean checkAttribute(Traversal remaining, ResourceDeclaration declaration)
    {
        if (remaining.steps().isEmpty() || !(remaining.steps().getFirst() instanceof Traverser.Attribute attribute)) {
            return true;
        }
        if (declaration.schema().attributes().containsKey(attribute.name()) || declaration.schema().blocks().containsKey(attribute.name())) {
            return true;
        }
        List<String> names = new ArrayList<>(declaration.schema().attributes().keySet());
        names.addAll(declaration.schema().blocks().keySet());
        diagnostics.add(Diagnostic.error(
                "Unsupported attribute",
                "A " + declaration.type() + " has no argument, nested block, or exported attribute named \"" + attribute.name() + "\"."
                        + DidYouMean.sentence(attribute.name(), names),
                attribute.range()));
        return false;
    }

    private void error(String summary, String detail, StaticReference reference)
    {
        diagnostics.add(Diagnostic.error(summary, detail, reference.range()));
    }
}
