package dev.kiln.lang.functions;

import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;
import dev.kiln.lang.value.ValueJson;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

/** Renders the verbs of a {@link FormatString} with their arguments. */
final class FormatVerbs
{
    private static final int DEFAULT_PRECISION = 6;

    private FormatVerbs() {}

    static final class FormatError
            extends Exception
    {
        FormatError(String message)
        {
            super(message);
        }
    }

    static String render(FormatString format, List<Value> arguments)
            throws FormatError
    {
        StringBuilder result = new StringBuilder();
        for (FormatString.Piece piece : format.pieces()) {
            switch (piece) {
                case FormatString.Literal literal -> result.append(literal.text());
                case FormatString.Verb verb -> {
                    if (verb.argument() >= arguments.size()) {
                        throw new FormatError("not enough arguments for \"" + verb.source() + "\" at " + verb.offset()
                                + ": need index " + (verb.argument() + 1) + " but have " + arguments.size() + " total");
                    }
                    result.append(verb(verb, arguments.get(verb.argument())));
                }
            }
        }
        if (arguments.size() > format.argumentsUsed()) {
            throw new FormatError("too many arguments; only " + format.argumentsUsed() + " used by format string");
        }
        return result.toString();
    }

    private static String verb(FormatString.Verb verb, Value argument)
            throws FormatError
    {
        if (argument.isNull()) {
            throw unsupported(verb, "null value cannot be formatted");
        }
        return switch (verb.verb()) {
            case 'v' -> pad(verb, !verb.flag('#') && argument.type() instanceof Type.Primitive ? text(verb, argument) : ValueJson.encode(argument));
            case 's' -> pad(verb, truncate(verb, text(verb, argument)));
            case 'q' -> pad(verb, ValueJson.encode(Value.string(truncate(verb, text(verb, argument)))));
            case 't' -> pad(verb, Boolean.toString(bool(verb, argument)));
            case 'd', 'b', 'o', 'x', 'X' -> integer(verb, number(verb, argument));
            default -> decimal(verb, number(verb, argument));
        };
    }

    private static String text(FormatString.Verb verb, Value argument)
            throws FormatError
    {
        if (argument instanceof Value.StringValue string) {
            return string.value();
        }
        if (argument instanceof Value.NumberValue number) {
            return number.value().toPlainString();
        }
        if (argument instanceof Value.BoolValue bool) {
            return Boolean.toString(bool.value());
        }
        throw unsupported(verb, "string required");
    }

    private static boolean bool(FormatString.Verb verb, Value argument)
            throws FormatError
    {
        if (argument instanceof Value.BoolValue bool) {
            return bool.value();
        }
        if (argument instanceof Value.StringValue string && (string.value().equals("true") || string.value().equals("false"))) {
            return Boolean.parseBoolean(string.value());
        }
        throw unsupported(verb, "bool required");
    }

    private static BigDecimal number(FormatString.Verb verb, Value argument)
            throws FormatError
    {
        if (argument instanceof Value.NumberValue number) {
            return number.value();
        }
        if (argument instanceof Value.StringValue string) {
            try {
                return new BigDecimal(string.value());
            }
            catch (NumberFormatException ignored) {
                // reported below
            }
        }
        throw unsupported(verb, "number required");
    }

    private static String integer(FormatString.Verb verb, BigDecimal number)
            throws FormatError
    {
        BigInteger integer;
        try {
            integer = number.toBigIntegerExact();
        }
        catch (ArithmeticException e) {
            throw unsupported(verb, "integer required");
        }
        String digits = switch (verb.verb()) {
            case 'b' -> (verb.flag('#') ? "0b" : "") + integer.abs().toString(2);
            case 'o' -> (verb.flag('#') ? "0" : "") + integer.abs().toString(8);
            case 'x' -> (verb.flag('#') ? "0x" : "") + integer.abs().toString(16);
            case 'X' -> (verb.flag('#') ? "0X" : "") + integer.abs().toString(16).toUpperCase(Locale.ROOT);
            default -> integer.abs().toString();
        };
        return padNumber(verb, sign(verb, integer.signum()), digits);
    }

    private static String decimal(FormatString.Verb verb, BigDecimal number)
    {
        int precision = verb.precision();
        boolean upper = Character.isUpperCase(verb.verb());
        BigDecimal magnitude = number.abs();
        String digits = switch (Character.toLowerCase(verb.verb())) {
            case 'e' -> scientific(magnitude, precision < 0 ? DEFAULT_PRECISION : precision);
            case 'f' -> magnitude.setScale(precision < 0 ? DEFAULT_PRECISION : precision, RoundingMode.HALF_EVEN).toPlainString();
            default -> general(magnitude, precision);
        };
        return padNumber(verb, sign(verb, number.signum()), upper ? digits.toUpperCase(Locale.ROOT) : digits);
    }

    /** {@code d.dddde±XX} with {@code precision} digits after the point. */
    static String scientific(BigDecimal magnitude, int precision)
    {
        if (magnitude.signum() == 0) {
            return precision == 0 ? "0e+00" : "0." + "0".repeat(precision) + "e+00";
        }
        BigDecimal rounded = magnitude.round(new MathContext(precision + 1, RoundingMode.HALF_EVEN));
        String digits = rounded.unscaledValue().toString();
        int exponent = digits.length() - 1 - rounded.scale();
        digits = (digits + "0".repeat(Math.max(0, precision + 1 - digits.length()))).substring(0, precision + 1);
        return mantissa(digits) + exponent(exponent);
    }

    /** Go's {@code %g}: the shortest form, or {@code precision} significant digits, in plain or exponent notation. */
    static String general(BigDecimal magnitude, int precision)
    {
        if (magnitude.signum() == 0) {
            return "0";
        }
        BigDecimal rounded = precision < 0
                ? magnitude.stripTrailingZeros()
                : magnitude.round(new MathContext(Math.max(precision, 1), RoundingMode.HALF_EVEN)).stripTrailingZeros();
        String digits = rounded.unscaledValue().toString();
        int exponent = digits.length() - 1 - rounded.scale();
        int limit = precision < 0 ? DEFAULT_PRECISION : Math.max(precision, 1);
        if (precision >= 0 && limit > digits.length() && digits.length() >= exponent + 1) {
            limit = digits.length();
        }
        if (exponent < -4 || exponent >= limit) {
            return mantissa(digits) + exponent(exponent);
        }
        return rounded.toPlainString();
    }

    private static String mantissa(String digits)
    {
        return digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    }

    private static String exponent(int exponent)
    {
        String digits = Integer.toString(Math.abs(exponent));
        return "e" + (exponent < 0 ? "-" : "+") + (digits.length() < 2 ? "0" + digits : digits);
    }

    private static String sign(FormatString.Verb verb, int signum)
    {
        if (signum < 0) {
            return "-";
        }
        return verb.flag('+') ? "+" : verb.flag(' ') ? " " : "";
    }

    private static String truncate(FormatString.Verb verb, String text)
    {
        if (verb.precision() < 0 || text.codePointCount(0, text.length()) <= verb.precision()) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, verb.precision()));
    }

    private static String pad(FormatString.Verb verb, String text)
    {
        int missing = verb.width() - text.codePointCount(0, text.length());
        if (missing <= 0) {
            return text;
        }
        return verb.flag('-') ? text + " ".repeat(missing) : " ".repeat(missing) + text;
    }

    private static String padNumber(FormatString.Verb verb, String sign, String digits)
    {
        int missing = verb.width() - sign.length() - digits.length();
        if (missing <= 0) {
            return sign + digits;
        }
        if (verb.flag('-')) {
            return sign + digits + " ".repeat(missing);
        }
        return verb.flag('0') ? sign + "0".repeat(missing) + digits : " ".repeat(missing) + sign + digits;
    }

    private static FormatError unsupported(FormatString.Verb verb, String reason)
    {
        return new FormatError("unsupported value for \"" + verb.source() + "\" at " + verb.offset() + ": " + reason);
    }
}
