package dev.kiln.lang.config;

import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.ast.Attribute;
import dev.kiln.lang.config.schema.DecodedBlock;
import dev.kiln.lang.config.schema.DecodedInstance;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;
import dev.kiln.lang.diag.SourceRange;
import dev.kiln.lang.value.Value;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Expands one resource block into its instances ({@code count}, {@code for_each}) and decodes
 * each instance's body with its own {@code count.index} or {@code each}. A block that yields
 * no instances (count 0, unknown keys) is still decoded once, so its errors are reported.
 */
final class ResourceExpander
{
    /** Evaluates expressions of a resource for one iteration. */
    @FunctionalInterface
    interface Evaluators
    {
        ExpressionEvaluator forIteration(Expansion expansion, Iteration iteration);
    }

    private ResourceExpander() {}

    /**
     * The instances, or empty when the keys cannot be known. An unknown {@code count} or
     * {@code for_each} is an error unless {@code unknownAllowed} (validation without variable
     * values), where the body is checked once for every instance.
     */
    static Optional<List<DecodedInstance>> expand(
            ResourceDeclaration declaration,
            Evaluators evaluators,
            Scope scope,
            Collection<String> providers,
            boolean unknownAllowed,
            Diagnostics diagnostics)
    {
        Optional<Attribute> count = declaration.metaArgument(ResourceDeclaration.COUNT);
        Optional<Attribute> forEach = declaration.metaArgument(ResourceDeclaration.FOR_EACH);
        if (count.isPresent() && forEach.isPresent()) {
            diagnostics.add(Diagnostic.error(
                    "Invalid combination of count and for_each",
                    "The \"count\" and \"for_each\" meta-arguments are mutually exclusive; only one may be used to create instances of "
                            + declaration.address() + ".",
                    forEach.get().nameRange()));
        }
        Expansion expansion = declaration.expansion();
        ExpressionEvaluator outer = evaluators.forIteration(Expansion.SINGLE, Iteration.SINGLE);
        Optional<List<Iteration>> iterations = switch (expansion) {
            case SINGLE -> Optional.of(List.of(Iteration.SINGLE));
            case COUNT -> evaluate(count.get(), outer, diagnostics)
                    .filter(value -> !unknownAllowed || keysKnown(value))
                    .flatMap(value -> Iterations.count(count.get(), value, diagnostics));
            case FOR_EACH -> evaluate(forEach.get(), outer, diagnostics)
                    .filter(value -> !unknownAllowed || keysKnown(value))
                    .flatMap(value -> Iterations.forEach(forEach.get(), value, diagnostics));
        };
        Optional<String> provider = declaration.metaArgument(ResourceDeclaration.PROVIDER)
                .flatMap(attribute -> ProviderReference.resolve(attribute, providers, diagnostics));
        Optional<SourceRange> providerRange = declaration.metaArgument(ResourceDeclaration.PROVIDER).map(attribute -> attribute.expression().range());
        List<ResourceAddress> dependsOn = declaration.metaArgument(ResourceDeclaration.DEPENDS_ON)
                .map(attribute -> DependsOn.resolve(attribute, scope, diagnostics))
                .orElse(List.of());
        if (iterations.isEmpty() || iterations.get().isEmpty()) {
            decode(declaration, evaluators.forIteration(expansion, Iteration.unknown(expansion)), diagnostics);
        }
        return iterations.map(list -> list.stream()
                .map(iteration -> new DecodedInstance(
                        new ResourceAddress(declaration.type(), declaration.name(), iteration.key()),
                        decode(declaration, evaluators.forIteration(expansion, iteration), diagnostics),
                        provider,
                        providerRange,
                        dependsOn))
                .toList());
    }

    /** Whether the instance keys a count or for_each value gives are known (a map's values need not be). */
    private static boolean keysKnown(Value value)
    {
        return value.isKnown() && !(value instanceof Value.SetValue set && !set.isWhollyKnown());
    }

    /** The meta-argument's value, or empty when evaluating it, or something it refers to, failed (and was reported). */
    private static Optional<Value> evaluate(Attribute attribute, ExpressionEvaluator evaluator, Diagnostics diagnostics)
    {
        Diagnostics evaluation = new Diagnostics();
        EvaluatedExpression evaluated = evaluator.evaluate(attribute.expression(), evaluation);
        diagnostics.addAll(evaluation.toList());
        return evaluation.hasErrors() || evaluated.dependsOnFailure() ? Optional.empty() : Optional.of(evaluated.value());
    }

    private static DecodedBlock decode(ResourceDeclaration declaration, ExpressionEvaluator evaluator, Diagnostics diagnostics)
    {
        return SchemaDecoder.decode(declaration.block(), declaration.schema(), evaluator, ResourceDeclaration.META_ARGUMENTS, diagnostics);
    }
}
