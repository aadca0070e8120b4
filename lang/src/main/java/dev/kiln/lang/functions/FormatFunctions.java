package dev.kiln.lang.functions;

import dev.kiln.lang.eval.Function;
import dev.kiln.lang.eval.FunctionException;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;

import java.util.ArrayList;
import java.util.List;

/** {@code format} and {@code formatlist}: printf-style formatting with Terraform's verbs. */
final class FormatFunctions
{
    private FormatFunctions() {}

    static List<Function> all()
    {
        return List.of(format(), formatlist());
    }

    private static Function format()
    {
        return StandardFunction.builder("format")
                .parameter("format", Type.STRING)
                .variadic(Parameter.of("args", Type.DYNAMIC).allowingNull())
                .returns(Type.STRING)
                .implementation(call -> {
                    FormatString format = parse(call);
                    try {
                        return Value.string(FormatVerbs.render(format, call.argumentsFrom(1)));
                    }
                    catch (FormatVerbs.FormatError error) {
                        throw new FunctionException(error.getMessage());
                    }
                });
    }

    private static Function formatlist()
    {
        return StandardFunction.builder("formatlist")
                .parameter("format", Type.STRING)
                .variadic(Parameter.of("args", Type.DYNAMIC).allowingNull())
                .returns(new Type.ListType(Type.STRING))
                .implementation(call -> {
                    FormatString format = parse(call);
                    List<Value> arguments = call.argumentsFrom(1);
                    int length = iterations(arguments);
                    List<Value> results = new ArrayList<>();
                    for (int iteration = 0; iteration < length; iteration++) {
                        List<Value> row = new ArrayList<>();
                        for (Value argument : arguments) {
                            row.add(isIterated(argument) ? argument.asSequence().orElseThrow().get(iteration) : argument);
                        }
                        try {
                            results.add(Value.string(FormatVerbs.render(format, row)));
                        }
                        catch (FormatVerbs.FormatError error) {
                            throw new FunctionException("error on format iteration " + iteration + ": " + error.getMessage());
                        }
                    }
                    return Value.list(Type.STRING, results);
                });
    }

    private static FormatString parse(Call call)
            throws FunctionException
    {
        try {
            return FormatString.parse(call.string(0));
        }
        catch (FormatString.InvalidFormat invalid) {
            throw call.error(0, invalid.getMessage());
        }
    }

    private static boolean isIterated(Value argument)
    {
        return !argument.isNull() && Containers.isSequence(argument.type());
    }

    /** How many strings {@code formatlist} makes: the common length of the list arguments, or one. */
    private static int iterations(List<Value> arguments)
            throws FunctionException
    {
        int length = -1;
        int first = -1;
        for (int index = 0; index < arguments.size(); index++) {
            if (!isIterated(arguments.get(index))) {
                continue;
            }
            int size = arguments.get(index).asSequence().orElseThrow().size();
            if (length < 0) {
                length = size;
                first = index;
            }
            else if (size != length) {
                throw new FunctionException(index + 1, "argument " + (index + 1) + " has length " + size
                        + ", which is inconsistent with argument " + (first + 1) + " of length " + length);
            }
        }
        return Math.max(length, arguments.stream().anyMatch(FormatFunctions::isIterated) ? 0 : 1);
    }
}
