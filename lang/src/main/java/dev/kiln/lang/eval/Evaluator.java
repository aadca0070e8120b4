package dev.kiln.lang.eval;

import dev.kiln.lang.ast.Expression;
import dev.kiln.lang.ast.ObjectItem;
import dev.kiln.lang.ast.Traverser;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;
import dev.kiln.lang.diag.DidYouMean;
import dev.kiln.lang.diag.SourceRange;
import dev.kiln.lang.value.Conversion;
import dev.kiln.lang.value.ConversionException;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * Evaluates HCL expressions against an {@link EvalContext}. It never throws for problems in
 * the expression: each becomes a diagnostic with the tightest range, the failed part yields
 * an unknown value of type {@code any}, and evaluation goes on so one run reports every
 * error. Unknown values propagate to unknown results and sensitive marks to every result
 * derived from a sensitive value.
 */
public final class Evaluator
{
    private final Diagnostics diagnostics;

    private Evaluator(Diagnostics diagnostics)
    {
        this.diagnostics = diagnostics;
    }

    public static Value evaluate(Expression expression, EvalContext context, Diagnostics diagnostics)
    {
        requireNonNull(expression, "expression is null");
        requireNonNull(context, "context is null");
        requireNonNull(diagnostics, "diagnostics is null");
        return new Evaluator(diagnostics).evaluate(expression, new Scope(context, Optional.empty()));
    }

    /** The names an expression may see, and the element a splat is currently visiting. */
    record Scope(EvalContext context, Optional<Value> splatElement)
    {
        Scope withVariables(Map<String, Value> variables)
        {
            return new Scope(context.child(variables), splatElement);
        }

        Scope withSplatElement(Value element)
        {
            return new Scope(context, Optional.of(element));
        }
    }

    Value evaluate(Expression expression, Scope scope)
    {
        return switch (expression) {
            case Expression.Literal literal -> literal.value();
            case Expression.Template template -> Templates.evaluate(this, template.parts(), scope);
            case Expression.TemplateWrap wrap -> evaluate(wrap.wrapped(), scope);
            case Expression.ScopeTraversal traversal -> scopeTraversal(traversal, scope);
            case Expression.FunctionCall call -> FunctionCalls.evaluate(this, call, scope);
            case Expression.Conditional conditional -> Conditionals.evaluate(this, conditional, scope);
            case Expression.Binary binary -> Operators.binary(this, binary, scope);
            case Expression.Unary unary -> Operators.unary(this, unary, scope);
            case Expression.TupleConstructor tuple -> tupleConstructor(tuple, scope);
            case Expression.ObjectConstructor object -> objectConstructor(object, scope);
            case Expression.For forExpression -> ForExpressions.evaluate(this, forExpression, scope);
            case Expression.Index index -> indexExpression(index, scope);
            case Expression.RelativeTraversal traversal -> Traversals.apply(this, evaluate(traversal.source(), scope), traversal.steps().steps(), traversal.range());
            case Expression.Splat splat -> Splats.evaluate(this, splat, scope);
            case Expression.SplatElement element -> splatElement(element, scope);
            case Expression.Parenthesized parenthesized -> evaluate(parenthesized.inner(), scope);
        };
    }

    /** A fresh evaluator collecting into its own diagnostics, for {@code try} and {@code can}. */
    Evaluator scratch(Diagnostics scratchDiagnostics)
    {
        return new Evaluator(scratchDiagnostics);
    }

    void error(String summary, String detail, SourceRange subject, SourceRange context)
    {
        diagnostics.add(subject.equals(context) ? Diagnostic.error(summary, detail, subject) : Diagnostic.error(summary, detail, subject, context));
    }

    /** Adds what a scratch evaluator collected. */
    void merge(Diagnostics collected)
    {
        diagnostics.addAll(collected.toList());
    }

    /** The failed part's value: unknown of type any, so evaluation can continue. */
    static Value failed()
    {
        return Value.unknown(Type.DYNAMIC);
    }

    static Value mark(Value value, boolean sensitive)
    {
        return sensitive && !value.sensitive() ? value.withSensitive(true) : value;
    }

    private Value scopeTraversal(Expression.ScopeTraversal expression, Scope scope)
    {
        List<Traverser> steps = expression.traversal().steps();
        Traverser.Root root = (Traverser.Root) steps.getFirst();
        Optional<Value> variable = scope.context().variable(root.name());
        if (variable.isEmpty()) {
            error("Unknown variable",
                    "There is no variable named " + quote(root.name()) + "." + DidYouMean.sentence(root.name(), scope.context().variableNames()),
                    root.range(), expression.range());
            return failed();
        }
        return Traversals.apply(this, variable.get(), steps.subList(1, steps.size()), expression.range());
    }

    private Value indexExpression(Expression.Index expression, Scope scope)
    {
        Value collection = evaluate(expression.collection(), scope);
        Value key = evaluate(expression.key(), scope);
        Value element = Traversals.index(this, collection, key, expression.key().range(), expression.range());
        return element == null ? failed() : element;
    }

    private Value splatElement(Expression.SplatElement element, Scope scope)
    {
        if (scope.splatElement().isEmpty()) {
            error("Invalid splat expression", "A splat element can only appear inside a splat expression.", element.range(), element.range());
            return failed();
        }
        return scope.splatElement().get();
    }

    private Value tupleConstructor(Expression.TupleConstructor tuple, Scope scope)
    {
        List<Value> elements = new ArrayList<>();
        for (Expression element : tuple.elements()) {
            elements.add(evaluate(element, scope));
        }
        return Value.tuple(elements);
    }

    private Value objectConstructor(Expression.ObjectConstructor object, Scope scope)
    {
        Map<String, Value> attributes = new TreeMap<>();
        boolean unknownKey = false;
        boolean sensitiveKey = false;
        for (ObjectItem item : object.items()) {
            Value value = evaluate(item.value(), scope);
            Optional<Value> key = objectKey(item, scope);
            if (key.isEmpty()) {
                continue;
            }
            sensitiveKey |= key.get().sensitive();
            if (!key.get().isKnown()) {
                unknownKey = true;
                continue;
            }
            attributes.put(((Value.StringValue) key.get()).value(), value);
        }
        if (unknownKey) {
            return mark(failed(), sensitiveKey);
        }
        return mark(Value.object(attributes), sensitiveKey);
    }

    /** The key as a string value (possibly unknown), or empty after reporting why it is not one. */
    private Optional<Value> objectKey(ObjectItem item, Scope scope)
    {
        if (item.bareKey() && item.key() instanceof Expression.ScopeTraversal traversal) {
            return Optional.of(Value.string(traversal.traversal().rootName()));
        }
        if (item.bareKey() && item.key() instanceof Expression.Literal literal && (literal.value().isNull() || literal.value() instanceof Value.BoolValue)) {
            return Optional.of(Value.string(literal.value().toSourceForm()));
        }
        if (item.key() instanceof Expression.ScopeTraversal) {
            error("Ambiguous attribute key",
                    "If this expression is intended to be a reference, wrap it in parentheses. If it's instead intended as a literal name containing periods, wrap it in quotes to create a string literal.",
                    item.key().range(), item.key().range());
            return Optional.empty();
        }
        Value key = evaluate(item.key(), scope);
        if (key.isNull()) {
            error("Null value as key", "Can't use a null value as a key.", item.key().range(), item.key().range());
            return Optional.empty();
        }
        try {
            return Optional.of(Conversion.convert(key, Type.STRING));
        }
        catch (ConversionException exception) {
            error("Incorrect key type", "Can't use this value as a key: " + exception.getMessage() + ".", item.key().range(), item.key().range());
            return Optional.empty();
        }
    }

    static String quote(String name)
    {
        return Value.string(name).toSourceForm();
    }
}
