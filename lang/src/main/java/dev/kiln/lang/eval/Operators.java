package dev.kiln.lang.eval;

import dev.kiln.lang.ast.Expression;
import dev.kiln.lang.ast.Operator;
import dev.kiln.lang.diag.Diagnostics;
import dev.kiln.lang.diag.SourceRange;
import dev.kiln.lang.value.Conversion;
import dev.kiln.lang.value.ConversionException;
import dev.kiln.lang.value.Equality;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * HCL's operators. Arithmetic and comparison convert their operands to numbers, logic to
 * bools; equality compares values of any type. Numbers have arbitrary precision; division
 * keeps 160 significant digits. An unknown operand gives an unknown result of the
 * operator's type, a sensitive operand a sensitive result. {@code &&} and {@code ||}
 * short-circuit ({@link LogicalOperators}).
 */
final class Operators
{
    private static final MathContext DIVISION = new MathContext(160);

    private Operators() {}

    static Value binary(Evaluator evaluator, Expression.Binary binary, Evaluator.Scope scope)
    {
        Diagnostics leftDiagnostics = new Diagnostics();
        Value left = evaluator.scratch(leftDiagnostics).evaluate(binary.left(), scope);
        Diagnostics rightDiagnostics = new Diagnostics();
        Value right = evaluator.scratch(rightDiagnostics).evaluate(binary.right(), scope);
        Operator operator = binary.operator();
        if (operator == Operator.EQUAL || operator == Operator.NOT_EQUAL) {
            evaluator.merge(leftDiagnostics);
            evaluator.merge(rightDiagnostics);
            Value equal = Equality.equal(left, right);
            return operator == Operator.EQUAL ? equal : not(equal);
        }
        Type operandType = operator == Operator.AND || operator == Operator.OR ? Type.BOOL : Type.NUMBER;
        Value leftOperand = operand(evaluator, left, operandType, "left operand", binary.left().range(), binary.range());
        Value rightOperand = operand(evaluator, right, operandType, "right operand", binary.right().range(), binary.range());
        if (leftOperand == null || rightOperand == null) {
            evaluator.merge(leftDiagnostics);
            evaluator.merge(rightDiagnostics);
            return Evaluator.failed();
        }
        boolean sensitive = leftOperand.sensitive() || rightOperand.sensitive();
        if (operator == Operator.AND || operator == Operator.OR) {
            return Evaluator.mark(LogicalOperators.evaluate(evaluator, operator, leftOperand, leftDiagnostics, rightOperand, rightDiagnostics), sensitive);
        }
        evaluator.merge(leftDiagnostics);
        evaluator.merge(rightDiagnostics);
        Value result = switch (operator) {
            case GREATER_THAN, GREATER_OR_EQUAL, LESS_THAN, LESS_OR_EQUAL -> compare(operator, leftOperand, rightOperand);
            case ADD, SUBTRACT, MULTIPLY, DIVIDE, MODULO -> arithmetic(evaluator, binary, leftOperand, rightOperand);
            case AND, OR, EQUAL, NOT_EQUAL, NOT, NEGATE -> throw new IllegalArgumentException("not an arithmetic or comparison operator: " + operator);
        };
        return Evaluator.mark(result, sensitive);
    }

    static Value unary(Evaluator evaluator, Expression.Unary unary, Evaluator.Scope scope)
    {
        Value value = evaluator.evaluate(unary.operand(), scope);
        boolean negate = unary.operator() == Operator.NEGATE;
        Value operand = operand(evaluator, value, negate ? Type.NUMBER : Type.BOOL, "unary operand", unary.operand().range(), unary.range());
        if (operand == null) {
            return Evaluator.failed();
        }
        if (!negate) {
            return not(operand);
        }
        if (!operand.isKnown()) {
            return Evaluator.mark(Value.unknown(Type.NUMBER), operand.sensitive());
        }
        return Evaluator.mark(Value.number(((Value.NumberValue) operand).value().negate()), operand.sensitive());
    }

    /** The operand converted to {@code type} (possibly unknown), or null after reporting why it is unsuitable. */
    private static Value operand(Evaluator evaluator, Value value, Type type, String which, SourceRange subject, SourceRange context)
    {
        if (value.isNull()) {
            evaluator.error("Invalid operand", "Unsuitable value for " + which + ": a " + type.friendlyName() + " is required, but the value is null.", subject, context);
            return null;
        }
        try {
            return Conversion.convert(value, type);
        }
        catch (ConversionException exception) {
            evaluator.error("Invalid operand", "Unsuitable value for " + which + ": " + exception.getMessage() + ".", subject, context);
            return null;
        }
    }

    private static Value not(Value value)
    {
        if (!value.isKnown()) {
            return value;
        }
        return Evaluator.mark(Value.bool(!((Value.BoolValue) value).value()), value.sensitive());
    }

    private static Value compare(Operator operator, Value left, Value right)
    {
        if (!left.isKnown() || !right.isKnown()) {
            return Value.unknown(Type.BOOL);
        }
        int comparison = number(left).compareTo(number(right));
        return Value.bool(switch (operator) {
            case GREATER_THAN -> comparison > 0;
            case GREATER_OR_EQUAL -> comparison >= 0;
            case LESS_THAN -> comparison < 0;
            case LESS_OR_EQUAL -> comparison <= 0;
            default -> throw new IllegalArgumentException("not a comparison: " + operator);
        });
    }

    private static Value arithmetic(Evaluator evaluator, Expression.Binary binary, Value left, Value right)
    {
        if (!left.isKnown() || !right.isKnown()) {
            return Value.unknown(Type.NUMBER);
        }
        BigDecimal a = number(left);
        BigDecimal b = number(right);
        if ((binary.operator() == Operator.DIVIDE || binary.operator() == Operator.MODULO) && b.signum() == 0) {
            evaluator.error("Operation failed", "Error during operation: can't divide by zero.", binary.range(), binary.range());
            return Evaluator.failed();
        }
        try {
            return Value.number(calculate(binary.operator(), a, b));
        }
        catch (ArithmeticException exception) {
            evaluator.error("Operation failed", "Error during operation: the result is out of the range of numbers.", binary.range(), binary.range());
            return Evaluator.failed();
        }
    }

    private static BigDecimal calculate(Operator operator, BigDecimal a, BigDecimal b)
    {
        return switch (operator) {
            case ADD -> a.add(b);
            case SUBTRACT -> a.subtract(b);
            case MULTIPLY -> a.multiply(b);
            case DIVIDE -> a.divide(b, DIVISION);
            case MODULO -> a.remainder(b);
            default -> throw new IllegalArgumentException("not arithmetic: " + operator);
        };
    }

    private static BigDecimal number(Value value)
    {
        return ((Value.NumberValue) value).value();
    }
}
