package dev.kiln.lang.eval;

import dev.kiln.lang.ast.Operator;
import dev.kiln.lang.diag.Diagnostics;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;

/**
 * {@code &&} and {@code ||} short-circuit as HCL's do: when one side decides the result
 * ({@code false} for {@code &&}, {@code true} for {@code ||}) the other side's problems are
 * not reported, so {@code var.x != null && var.x.enabled} works when {@code var.x} is null.
 * An unknown side decides when the other cannot; two unknowns give an unknown, reported
 * from the left unless the left failed.
 */
final class LogicalOperators
{
    private LogicalOperators() {}

    /** Both operands are bools (possibly unknown); each side's diagnostics are reported only if that side counts. */
    static Value evaluate(Evaluator evaluator, Operator operator, Value left, Diagnostics leftDiagnostics, Value right, Diagnostics rightDiagnostics)
    {
        boolean deciding = operator == Operator.OR;
        if (!left.isKnown() && !right.isKnown() && !leftDiagnostics.hasErrors()) {
            evaluator.merge(leftDiagnostics);
            return Value.unknown(Type.BOOL);
        }
        if (is(left, deciding)) {
            evaluator.merge(leftDiagnostics);
            return Value.bool(deciding);
        }
        if (is(right, deciding)) {
            evaluator.merge(rightDiagnostics);
            return Value.bool(deciding);
        }
        if (!left.isKnown() && right.isKnown()) {
            evaluator.merge(leftDiagnostics);
            return Value.unknown(Type.BOOL);
        }
        if (!right.isKnown() && left.isKnown()) {
            evaluator.merge(rightDiagnostics);
            return Value.unknown(Type.BOOL);
        }
        evaluator.merge(leftDiagnostics);
        evaluator.merge(rightDiagnostics);
        if (leftDiagnostics.hasErrors() || rightDiagnostics.hasErrors() || !left.isKnown() || !right.isKnown()) {
            return Value.unknown(Type.BOOL);
        }
        return Value.bool(!deciding);
    }

    private static boolean is(Value value, boolean expected)
    {
        return value instanceof Value.BoolValue bool && bool.value() == expected;
    }
}
