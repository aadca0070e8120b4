package dev.kiln.lang.config;

import dev.kiln.lang.ast.Expression;
import dev.kiln.lang.ast.ObjectItem;
import dev.kiln.lang.ast.TemplatePart;
import dev.kiln.lang.ast.Traversal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the static references (and function calls) of an expression, in source order. Names bound by an enclosing
 * {@code for} expression or template directive are iteration variables, not references.
 */
final class ReferenceFinder
{
    private final List<StaticReference> found = new ArrayList<>();
    private final List<Expression.FunctionCall> calls = new ArrayList<>();

    private ReferenceFinder() {}

    static List<StaticReference> find(Expression expression)
    {
        ReferenceFinder finder = new ReferenceFinder();
        finder.visit(expression, Set.of());
        return List.copyOf(finder.found);
    }

    /** The function calls of an expression, outermost first. */
    static List<Expression.FunctionCall> functionCalls(Expression expression)
    {
        ReferenceFinder finder = new ReferenceFinder();
        finder.visit(expression, Set.of());
        return List.copyOf(finder.calls);
    }

    private void visit(Expression expression, Set<String> bound)
    {
        switch (expression) {
            case Expression.Literal ignored -> {}
            case Expression.SplatElement ignored -> {}
            case Expression.Template template -> visitParts(template.parts(), bound);
            case Expression.TemplateWrap wrap -> visit(wrap.wrapped(), bound);
            case Expression.ScopeTraversal traversal -> add(traversal, Optional.empty(), bound);
            case Expression.FunctionCall call -> {
                calls.add(call);
                call.arguments().forEach(argument -> visit(argument, bound));
            }
            case Expression.Conditional conditional -> {
                visit(conditional.condition(), bound);
                visit(conditional.whenTrue(), bound);
                visit(conditional.whenFalse(), bound);
            }
            case Expression.Binary binary -> {
                visit(binary.left(), bound);
                visit(binary.right(), bound);
            }
            case Expression.Unary unary -> visit(unary.operand(), bound);
            case Expression.TupleConstructor tuple -> tuple.elements().forEach(element -> visit(element, bound));
            case Expression.ObjectConstructor object -> object.items().forEach(item -> visitItem(item, bound));
            case Expression.For loop -> visitFor(loop, bound);
            case Expression.Index index -> {
                visit(index.collection(), bound);
                visit(index.key(), bound);
            }
            case Expression.RelativeTraversal relative -> visit(relative.source(), bound);
            case Expression.Splat splat -> visitSplat(splat, bound);
            case Expression.Parenthesized parenthesized -> visit(parenthesized.inner(), bound);
        }
    }

    private void visitItem(ObjectItem item, Set<String> bound)
    {
        if (!item.bareKey()) {
            visit(item.key(), bound);
        }
        visit(item.value(), bound);
    }

    private void visitFor(Expression.For loop, Set<String> bound)
    {
        visit(loop.collection(), bound);
        Set<String> inner = withNames(bound, loop.keyVariable(), loop.valueVariable());
        loop.keyResult().ifPresent(key -> visit(key, inner));
        visit(loop.valueResult(), inner);
        loop.condition().ifPresent(condition -> visit(condition, inner));
    }

    private void visitSplat(Expression.Splat splat, Set<String> bound)
    {
        if (splat.source() instanceof Expression.ScopeTraversal traversal) {
            Optional<Traversal> afterSplat = splat.each() instanceof Expression.RelativeTraversal relative
                    && relative.source() instanceof Expression.SplatElement
                    ? Optional.of(relative.steps())
                    : Optional.of(new Traversal(List.of()));
            add(traversal, afterSplat, bound);
        }
        else {
            visit(splat.source(), bound);
        }
        visit(splat.each(), bound);
    }

    private void visitParts(List<TemplatePart> parts, Set<String> bound)
    {
        for (TemplatePart part : parts) {
            switch (part) {
                case TemplatePart.Literal ignored -> {}
                case TemplatePart.Interpolation interpolation -> visit(interpolation.expression(), bound);
                case TemplatePart.If condition -> {
                    visit(condition.condition(), bound);
                    visitParts(condition.whenTrue(), bound);
                    visitParts(condition.whenFalse(), bound);
                }
                case TemplatePart.For loop -> {
                    visit(loop.collection(), bound);
                    visitParts(loop.body(), withNames(bound, loop.keyVariable(), loop.valueVariable()));
                }
            }
        }
    }

    private void add(Expression.ScopeTraversal traversal, Optional<Traversal> afterSplat, Set<String> bound)
    {
        if (!bound.contains(traversal.traversal().rootName())) {
            found.add(new StaticReference(traversal.traversal(), afterSplat, traversal.range()));
        }
    }

    private static Set<String> withNames(Set<String> bound, Optional<String> key, String value)
    {
        Set<String> names = new HashSet<>(bound);
        key.ifPresent(names::add);
        names.add(value);
        return names;
    }
}
