package dev.kiln.lang.functions;

import dev.kiln.lang.eval.Function;
import dev.kiln.lang.eval.FunctionException;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;

/** {@code min}, {@code max}, {@code abs}, {@code ceil}, {@code floor}, {@code parseint}. */
final class NumberFunctions
{
    private static final int MAXIMUM_BASE = 62;

    private NumberFunctions() {}

    static List<Function> all()
    {
        return List.of(
                extreme("min", -1),
                extreme("max", 1),
                unary("abs", BigDecimal::abs),
                unary("ceil", number -> number.setScale(0, RoundingMode.CEILING)),
                unary("floor", number -> number.setScale(0, RoundingMode.FLOOR)),
                parseint());
    }

    private interface NumberOperation
    {
        BigDecimal apply(BigDecimal number);
    }

    private static Function unary(String name, NumberOperation operation)
    {
        return StandardFunction.builder(name)
                .parameter("num", Type.NUMBER)
                .returns(Type.NUMBER)
                .implementation(call -> Value.number(operation.apply(call.number(0))));
    }

    /** {@code min} (direction -1) or {@code max} (direction 1). */
    private static Function extreme(String name, int direction)
    {
        return StandardFunction.builder(name)
                .variadic("numbers", Type.NUMBER)
                .returns(Type.NUMBER)
                .implementation(call -> {
                    if (call.count() == 0) {
                        throw new FunctionException("Not enough function arguments: function \"" + name + "\" must be given at least one number.");
                    }
                    BigDecimal result = call.number(0);
                    for (int index = 1; index < call.count(); index++) {
                        if (call.number(index).compareTo(result) * direction > 0) {
                            result = call.number(index);
                        }
                    }
                    return Value.number(result);
                });
    }

    private static Function parseint()
    {
        return StandardFunction.builder("parseint")
                .parameter("number", Type.DYNAMIC)
                .parameter("base", Type.NUMBER)
                .returns(Type.NUMBER)
                .implementation(call -> {
                    if (!(call.argument(0) instanceof Value.StringValue text)) {
                        throw call.error(0, "first argument must be a string, not " + Containers.describe(call.argument(0).type()));
                    }
                    int base;
                    try {
                        base = call.integer(1);
                    }
                    catch (FunctionException e) {
                        base = 0;
                    }
                    if (base < 2 || base > MAXIMUM_BASE) {
                        throw call.error(1, "base must be a whole number between 2 and " + MAXIMUM_BASE + " inclusive");
                    }
                    BigInteger parsed = parse(text.value(), base);
                    if (parsed == null) {
                        throw call.error(0, "cannot parse " + call.show(0) + " as a base " + base + " integer");
                    }
                    return Value.number(new BigDecimal(parsed));
                });
    }

    /** The integer {@code text} spells in {@code base} (digits, then a-z, then A-Z above base 36), or null. */
    private static BigInteger parse(String text, int base)
    {
        int start = text.startsWith("-") || text.startsWith("+") ? 1 : 0;
        if (start == text.length()) {
            return null;
        }
        BigInteger result = BigInteger.ZERO;
        BigInteger radix = BigInteger.valueOf(base);
        for (int index = start; index < text.length(); index++) {
            int digit = digit(text.charAt(index), base);
            if (digit < 0 || digit >= base) {
                return null;
            }
            result = result.multiply(radix).add(BigInteger.valueOf(digit));
        }
        return text.startsWith("-") ? result.negate() : result;
    }

    private static int digit(char character, int base)
    {
        if (character >= '0' && character <= '9') {
            return character - '0';
        }
        if (character >= 'a' && character <= 'z') {
            return character - 'a' + 10;
        }
        if (character >= 'A' && character <= 'Z') {
            return character - 'A' + (base <= 36 ? 10 : 36);
        }
        return -1;
    }
}
