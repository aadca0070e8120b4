package dev.kiln.lang.eval;

import dev.kiln.lang.ast.TemplatePart;
import dev.kiln.lang.value.Conversion;
import dev.kiln.lang.value.ConversionException;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * String templates: literal text, interpolations converted to strings, and the {@code if}
 * and {@code for} directives. Any unknown part makes the whole string unknown; any
 * sensitive part makes it sensitive.
 */
final class Templates
{
    private Templates() {}

    static Value evaluate(Evaluator evaluator, List<TemplatePart> parts, Evaluator.Scope scope)
    {
        Builder builder = new Builder();
        appendAll(evaluator, parts, scope, builder);
        return builder.result();
    }

    /** The string being built, and whether it became unknown, sensitive or failed. */
    private static final class Builder
    {
        private final StringBuilder text = new StringBuilder();
        private boolean unknown;
        private boolean sensitive;
        private boolean failed;

        Value result()
        {
            if (failed) {
                return Evaluator.mark(Evaluator.failed(), sensitive);
            }
            return Evaluator.mark(unknown ? Value.unknown(Type.STRING) : Value.string(text.toString()), sensitive);
        }
    }

    private static void appendAll(Evaluator evaluator, List<TemplatePart> parts, Evaluator.Scope scope, Builder builder)
    {
        for (TemplatePart part : parts) {
            switch (part) {
                case TemplatePart.Literal literal -> builder.text.append(literal.text());
                case TemplatePart.Interpolation interpolation -> interpolate(evaluator, interpolation, scope, builder);
                case TemplatePart.If directive -> ifDirective(evaluator, directive, scope, builder);
                case TemplatePart.For directive -> forDirective(evaluator, directive, scope, builder);
            }
        }
    }

    private static void interpolate(Evaluator evaluator, TemplatePart.Interpolation interpolation, Evaluator.Scope scope, Builder builder)
    {
        Value value = evaluator.evaluate(interpolation.expression(), scope);
        builder.sensitive |= value.sensitive();
        if (value.isNull()) {
            evaluator.error("Invalid template interpolation value", "The expression result is null. Cannot include a null value in a string template.",
                    interpolation.expression().range(), interpolation.range());
            builder.failed = true;
            return;
        }
        try {
            Value text = Conversion.convert(value, Type.STRING);
            if (!text.isKnown()) {
                builder.unknown = true;
                return;
            }
            builder.text.append(((Value.StringValue) text).value());
        }
        catch (ConversionException exception) {
            evaluator.error("Invalid template interpolation value", "Cannot include the given value in a string template: " + exception.getMessage() + ".",
                    interpolation.expression().range(), interpolation.range());
            builder.failed = true;
        }
    }

    private static void ifDirective(Evaluator evaluator, TemplatePart.If directive, Evaluator.Scope scope, Builder builder)
    {
        Value condition = evaluator.evaluate(directive.condition(), scope);
        builder.sensitive |= condition.sensitive();
        if (condition.isNull()) {
            evaluator.error("Invalid template directive", "The condition value is null. Conditions must either be true or false.",
                    directive.condition().range(), directive.range());
            builder.failed = true;
            return;
        }
        Value test;
        try {
            test = Conversion.convert(condition, Type.BOOL);
        }
        catch (ConversionException exception) {
            evaluator.error("Invalid template directive", "The 'if' condition must be of type bool: " + exception.getMessage() + ".",
                    directive.condition().range(), directive.range());
            builder.failed = true;
            return;
        }
        if (!test.isKnown()) {
            builder.unknown = true;
            appendAll(evaluator, directive.whenTrue(), scope, new Builder());
            appendAll(evaluator, directive.whenFalse(), scope, new Builder());
            return;
        }
        appendAll(evaluator, ((Value.BoolValue) test).value() ? directive.whenTrue() : directive.whenFalse(), scope, builder);
    }

    private static void forDirective(Evaluator evaluator, TemplatePart.For directive, Evaluator.Scope scope, Builder builder)
    {
        if (directive.keyVariable().isPresent() && directive.keyVariable().get().equals(directive.valueVariable())) {
            evaluator.error("Invalid template directive", "The key and value variables of a 'for' directive must have different names.", directive.range(), directive.range());
            builder.failed = true;
            return;
        }
        Value collection = evaluator.evaluate(directive.collection(), scope);
        builder.sensitive |= collection.sensitive();
        Optional<List<Map.Entry<Value, Value>>> elements = Iteration.elements(evaluator, collection, directive.collection().range(), directive.range());
        if (elements.isEmpty()) {
            builder.failed = true;
            return;
        }
        if (!collection.isKnown()) {
            builder.unknown = true;
            return;
        }
        for (Map.Entry<Value, Value> element : elements.get()) {
            Map<String, Value> variables = directive.keyVariable().isPresent()
                    ? Map.of(directive.keyVariable().get(), element.getKey(), directive.valueVariable(), element.getValue())
                    : Map.of(directive.valueVariable(), element.getValue());
            appendAll(evaluator, directive.body(), scope.withVariables(variables), builder);
        }
    }
}
