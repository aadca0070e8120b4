package dev.kiln.lang.eval;

import dev.kiln.lang.ast.Expression;
import dev.kiln.lang.value.Conversion;
import dev.kiln.lang.value.ConversionException;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code [for ...]} and {@code {for ...}}: a tuple of the value results, or an object keyed
 * by the key results (with {@code ...}, an object of tuples grouping equal keys). An
 * unknown collection, condition or key makes the whole result unknown; a sensitive
 * collection or condition makes it sensitive.
 */
final class ForExpressions
{
    private ForExpressions() {}

    static Value evaluate(Evaluator evaluator, Expression.For expression, Evaluator.Scope scope)
    {
        if (expression.keyVariable().isPresent() && expression.keyVariable().get().equals(expression.valueVariable())) {
            evaluator.error("Invalid 'for' expression", "The key and value variables must have different names.", expression.range(), expression.range());
            return Evaluator.failed();
        }
        Value collection = evaluator.evaluate(expression.collection(), scope);
        Optional<List<Map.Entry<Value, Value>>> elements = Iteration.elements(evaluator, collection, expression.collection().range(), expression.range());
        if (elements.isEmpty()) {
            return Evaluator.failed();
        }
        boolean sensitive = collection.sensitive();
        if (!collection.isKnown()) {
            return Evaluator.mark(Value.unknown(Type.DYNAMIC), sensitive);
        }
        Results results = new Results();
        for (Map.Entry<Value, Value> element : elements.get()) {
            Evaluator.Scope inner = scope.withVariables(variables(expression, element));
            Optional<Boolean> include = include(evaluator, expression, inner, results);
            if (include.isEmpty() || !include.get()) {
                continue;
            }
            if (expression.isObjectForm()) {
                addEntry(evaluator, expression, inner, results);
            }
            else {
                results.values.add(evaluator.evaluate(expression.valueResult(), inner));
            }
        }
        if (results.failed) {
            return Evaluator.mark(Evaluator.failed(), sensitive || results.sensitive);
        }
        if (results.unknown) {
            return Evaluator.mark(Value.unknown(Type.DYNAMIC), sensitive || results.sensitive);
        }
        return Evaluator.mark(results.value(expression), sensitive || results.sensitive);
    }

    /** What the iterations produced so far. */
    private static final class Results
    {
        private final List<Value> values = new ArrayList<>();
        private final Map<String, List<Value>> entries = new LinkedHashMap<>();
        private boolean unknown;
        private boolean sensitive;
        private boolean failed;

        Value value(Expression.For expression)
        {
            if (!expression.isObjectForm()) {
                return Value.tuple(values);
            }
            Map<String, Value> attributes = new TreeMap<>();
            entries.forEach((key, group) -> attributes.put(key, expression.grouping() ? Value.tuple(group) : group.getFirst()));
            return Value.object(attributes);
        }
    }

    private static Map<String, Value> variables(Expression.For expression, Map.Entry<Value, Value> element)
    {
        if (expression.keyVariable().isEmpty()) {
            return Map.of(expression.valueVariable(), element.getValue());
        }
        return Map.of(expression.keyVariable().get(), element.getKey(), expression.valueVariable(), element.getValue());
    }

    /** Whether the element passes the {@code if} clause; empty when the clause failed or is unknown. */
    private static Optional<Boolean> include(Evaluator evaluator, Expression.For expression, Evaluator.Scope scope, Results results)
    {
        if (expression.condition().isEmpty()) {
            return Optional.of(true);
        }
        Expression conditionExpression = expression.condition().get();
        Value condition = evaluator.evaluate(conditionExpression, scope);
        results.sensitive |= condition.sensitive();
        if (condition.isNull()) {
            evaluator.error("Invalid 'for' condition", "The value of the 'if' clause must not be null.", conditionExpression.range(), expression.range());
            results.failed = true;
            return Optional.empty();
        }
        try {
            Value test = Conversion.convert(condition, Type.BOOL);
            if (!test.isKnown()) {
                results.unknown = true;
                return Optional.empty();
            }
            return Optional.of(((Value.BoolValue) test).value());
        }
        catch (ConversionException exception) {
            evaluator.error("Invalid 'for' condition", "The 'if' clause value is invalid: " + exception.getMessage() + ".", conditionExpression.range(), expression.range());
            results.failed = true;
            return Optional.empty();
        }
    }

    private static void addEntry(Evaluator evaluator, Expression.For expression, Evaluator.Scope scope, Results results)
    {
        Expression keyExpression = expression.keyResult().orElseThrow();
        Value key = evaluator.evaluate(keyExpression, scope);
        Value value = evaluator.evaluate(expression.valueResult(), scope);
        results.sensitive |= key.sensitive();
        if (key.isNull()) {
            evaluator.error("Invalid object key", "Key expression in 'for' expression must not produce a null value.", keyExpression.range(), expression.range());
            results.failed = true;
            return;
        }
        Value text;
        try {
            text = Conversion.convert(key, Type.STRING);
        }
        catch (ConversionException exception) {
            evaluator.error("Invalid object key", "The key expression produced an invalid result: " + exception.getMessage() + ".", keyExpression.range(), expression.range());
            results.failed = true;
            return;
        }
        if (!text.isKnown()) {
            results.unknown = true;
            return;
        }
        String name = ((Value.StringValue) text).value();
        if (results.entries.containsKey(name) && !expression.grouping()) {
            evaluator.error("Duplicate object key",
                    "Two different items produced the key " + (key.sensitive() ? "(sensitive value)" : Evaluator.quote(name))
                            + " in this 'for' expression. If duplicates are expected, use the ellipsis (...) after the value expression to enable grouping by key.",
                    keyExpression.range(), expression.range());
            results.failed = true;
            return;
        }
        results.entries.computeIfAbsent(name, ignored -> new ArrayList<>()).add(value);
    }
}
