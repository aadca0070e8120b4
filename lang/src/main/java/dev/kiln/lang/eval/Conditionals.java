package dev.kiln.lang.eval;

import dev.kiln.lang.ast.Expression;
import dev.kiln.lang.diag.Diagnostics;
import dev.kiln.lang.value.Conversion;
import dev.kiln.lang.value.ConversionException;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Types;
import dev.kiln.lang.value.Value;

import java.util.List;
import java.util.Optional;

/**
 * {@code condition ? whenTrue : whenFalse}. Both results are evaluated so their types can
 * be unified, but only the chosen one's problems are reported (so {@code x == null ? null :
 * x.a} works); with an unknown condition the result is unknown of the unified type and
 * both sides' problems count; with an invalid condition neither side's do. A sensitive
 * condition makes the result sensitive.
 */
final class Conditionals
{
    private Conditionals() {}

    static Value evaluate(Evaluator evaluator, Expression.Conditional conditional, Evaluator.Scope scope)
    {
        Value condition = evaluator.evaluate(conditional.condition(), scope);
        Diagnostics trueDiagnostics = new Diagnostics();
        Value whenTrue = evaluator.scratch(trueDiagnostics).evaluate(conditional.whenTrue(), scope);
        Diagnostics falseDiagnostics = new Diagnostics();
        Value whenFalse = evaluator.scratch(falseDiagnostics).evaluate(conditional.whenFalse(), scope);

        Optional<Type> unified = resultType(whenTrue, whenFalse);
        if (unified.isEmpty()) {
            evaluator.error("Inconsistent conditional result types",
                    "The true and false result expressions must have consistent types. The 'true' value is "
                            + whenTrue.type().friendlyName() + ", but the 'false' value is " + whenFalse.type().friendlyName() + ".",
                    conditional.whenTrue().range().through(conditional.whenFalse().range()), conditional.range());
        }
        Value test = testValue(evaluator, condition, conditional);
        if (test == null) {
            return Evaluator.failed();
        }
        boolean sensitive = test.sensitive();
        if (!test.isKnown()) {
            evaluator.merge(trueDiagnostics);
            evaluator.merge(falseDiagnostics);
            return Evaluator.mark(Value.unknown(unified.orElse(Type.DYNAMIC)), sensitive);
        }
        boolean chooseTrue = ((Value.BoolValue) test).value();
        evaluator.merge(chooseTrue ? trueDiagnostics : falseDiagnostics);
        Value chosen = chooseTrue ? whenTrue : whenFalse;
        if (unified.isEmpty()) {
            return Evaluator.failed();
        }
        try {
            return Evaluator.mark(Conversion.convert(chosen, unified.get()), sensitive);
        }
        catch (ConversionException exception) {
            Expression source = chooseTrue ? conditional.whenTrue() : conditional.whenFalse();
            evaluator.error("Inconsistent conditional result types",
                    "The " + (chooseTrue ? "'true'" : "'false'") + " result value is unsuitable: " + exception.getMessage() + ".",
                    source.range(), conditional.range());
            return Evaluator.failed();
        }
    }

    /**
     * The type of the result, as HCL chooses it: a literal {@code null} on one side takes the
     * other side's type; a side of type {@code any} makes the result {@code any} (the chosen
     * value passes unconverted); otherwise the unified type of both sides.
     */
    private static Optional<Type> resultType(Value whenTrue, Value whenFalse)
    {
        if (isDynamicNull(whenTrue)) {
            return Optional.of(whenFalse.type());
        }
        if (isDynamicNull(whenFalse)) {
            return Optional.of(whenTrue.type());
        }
        if (whenTrue.type() == Type.DYNAMIC || whenFalse.type() == Type.DYNAMIC) {
            return Optional.of(Type.DYNAMIC);
        }
        return Types.unify(List.of(whenTrue.type(), whenFalse.type()));
    }

    private static boolean isDynamicNull(Value value)
    {
        return value.isNull() && value.type() == Type.DYNAMIC;
    }

    /** The condition as a bool (possibly unknown), or null after reporting why it is none. */
    private static Value testValue(Evaluator evaluator, Value condition, Expression.Conditional conditional)
    {
        if (condition.isNull()) {
            evaluator.error("Null condition", "The condition value is null. Conditions must either be true or false.",
                    conditional.condition().range(), conditional.range());
            return null;
        }
        try {
            return Conversion.convert(condition, Type.BOOL);
        }
        catch (ConversionException exception) {
            evaluator.error("Incorrect condition type", "The condition expression must be of type bool.",
                    conditional.condition().range(), conditional.range());
            return null;
        }
    }
}
