package dev.kiln.lang.functions;

import dev.kiln.lang.eval.FunctionException;
import dev.kiln.lang.value.Value;

import java.math.BigDecimal;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The arguments of one call, converted to their parameters' types, as an implementation sees
 * them. It remembers which arguments were sensitive so messages can leave them out.
 */
final class Call
{
    private final List<Value> arguments;
    private final List<Boolean> sensitive;

    Call(List<Value> arguments, List<Boolean> sensitive)
    {
        this.arguments = List.copyOf(requireNonNull(arguments, "arguments is null"));
        this.sensitive = List.copyOf(requireNonNull(sensitive, "sensitive is null"));
    }

    int count()
    {
        return arguments.size();
    }

    Value argument(int index)
    {
        return arguments.get(index);
    }

    /** The arguments from {@code index} on: the variadic ones. */
    List<Value> argumentsFrom(int index)
    {
        return arguments.subList(Math.min(index, arguments.size()), arguments.size());
    }

    String string(int index)
    {
        return ((Value.StringValue) arguments.get(index)).value();
    }

    BigDecimal number(int index)
    {
        return ((Value.NumberValue) arguments.get(index)).value();
    }

    boolean bool(int index)
    {
        return ((Value.BoolValue) arguments.get(index)).value();
    }

    /** The argument as an {@code int}, or an error naming the parameter when it is fractional or too large. */
    int integer(int index)
            throws FunctionException
    {
        return wholeNumber(index, number(index));
    }

    int wholeNumber(int index, BigDecimal number)
            throws FunctionException
    {
        try {
            return number.intValueExact();
        }
        catch (ArithmeticException e) {
            throw error(index, number.stripTrailingZeros().scale() > 0
                    ? "value must be a whole number"
                    : "value is out of range");
        }
    }

    boolean sensitive(int index)
    {
        return sensitive.get(index);
    }

    /** The argument as HCL source for a message, or {@code (sensitive value)}. */
    String show(int index)
    {
        return sensitive.get(index) ? "(sensitive value)" : arguments.get(index).toSourceForm();
    }

    /** The text of a string argument, quoted, for a message, or {@code (sensitive value)}. */
    String showText(int index, String text)
    {
        return sensitive.get(index) ? "(sensitive value)" : Value.string(text).toSourceForm();
    }

    FunctionException error(int index, String message)
    {
        return new FunctionException(index, message + ".");
    }
}
