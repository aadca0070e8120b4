package dev.kiln.lang.functions;

import dev.kiln.lang.eval.Function;
import dev.kiln.lang.eval.FunctionException;
import dev.kiln.lang.value.Conversion;
import dev.kiln.lang.value.ConversionException;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A function declared by its parameters and return type, with the checks every function
 * shares: arity, conversion of each argument to its parameter's type, nulls, unknowns (an
 * unknown result when a parameter does not take them) and sensitive marks: removed (deeply)
 * before the call and put on the result when a parameter does not take them; when it does,
 * the implementation sees nested marks and keeps them where they belong, and the argument's
 * own mark goes on the result unless the function {@linkplain Builder#ownsMarks owns marks}.
 */
final class StandardFunction
        implements Function
{
    @FunctionalInterface
    interface Implementation
    {
        Value apply(Call call)
                throws FunctionException;
    }

    @FunctionalInterface
    interface ReturnType
    {
        /** The result type for these converted arguments, some of which may be unknown. */
        Type of(Call call)
                throws FunctionException;
    }

    private final String name;
    private final List<Parameter> parameters;
    private final Optional<Parameter> variadic;
    private final ReturnType returnType;
    private final Implementation implementation;
    private final boolean ownsMarks;

    private StandardFunction(String name, List<Parameter> parameters, Optional<Parameter> variadic, ReturnType returnType, Implementation implementation, boolean ownsMarks)
    {
        this.ownsMarks = ownsMarks;
        this.name = requireNonNull(name, "name is null");
        this.parameters = List.copyOf(parameters);
        this.variadic = requireNonNull(variadic, "variadic is null");
        this.returnType = requireNonNull(returnType, "returnType is null");
        this.implementation = requireNonNull(implementation, "implementation is null");
    }

    static Builder builder(String name)
    {
        return new Builder(name);
    }

    @Override
    public String name()
    {
        return name;
    }

    @Override
    public Value call(List<Value> arguments)
            throws FunctionException
    {
        requireNonNull(arguments, "arguments is null");
        checkArity(arguments.size());
        List<Value> converted = new ArrayList<>();
        List<Boolean> sensitive = new ArrayList<>();
        boolean resultSensitive = false;
        boolean unknown = false;
        for (int index = 0; index < arguments.size(); index++) {
            Parameter parameter = index < parameters.size() ? parameters.get(index) : variadic.orElseThrow();
            Value argument = requireNonNull(arguments.get(index), "argument is null");
            boolean argumentSensitive = argument.containsSensitive();
            if (!parameter.allowSensitive()) {
                argument = argument.unmarkedDeep();
                resultSensitive |= argumentSensitive;
            }
            else {
                resultSensitive |= argument.sensitive() && !ownsMarks;
            }
            Value value = convert(index, parameter, argument);
            if (value.isNull() && !parameter.allowNull()) {
                throw new FunctionException(index, "argument must not be null.");
            }
            unknown |= !parameter.allowUnknown() && !value.isWhollyKnown();
            converted.add(value);
            sensitive.add(argumentSensitive);
        }
        Call call = new Call(converted, sensitive);
        try {
            Value result = unknown ? Value.unknown(returnType.of(call)) : implementation.apply(call);
            return Marks.mark(result, resultSensitive);
        }
        catch (FunctionException exception) {
            throw Marks.redact(exception, arguments);
        }
    }

    private void checkArity(int count)
            throws FunctionException
    {
        if (count < parameters.size()) {
            throw new FunctionException("Not enough function arguments: function \"" + name + "\" expects "
                    + (variadic.isPresent() ? "at least " : "") + parameters.size() + " argument(s). Missing value for \""
                    + parameters.get(count).name() + "\".");
        }
        if (count > parameters.size() && variadic.isEmpty()) {
            throw new FunctionException("Too many function arguments: function \"" + name + "\" expects only "
                    + parameters.size() + " argument(s).");
        }
    }

    private static Value convert(int index, Parameter parameter, Value argument)
            throws FunctionException
    {
        try {
            return Conversion.convert(argument, parameter.type());
        }
        catch (ConversionException failure) {
            throw new FunctionException(index, failure.getMessage() + ".");
        }
    }

    static final class Builder
    {
        private final String name;
        private final List<Parameter> parameters = new ArrayList<>();
        private Optional<Parameter> variadic = Optional.empty();
        private ReturnType returnType;
        private boolean ownsMarks;

        private Builder(String name)
        {
            this.name = requireNonNull(name, "name is null");
        }

        Builder parameter(String parameterName, Type type)
        {
            return parameter(Parameter.of(parameterName, type));
        }

        Builder parameter(Parameter parameter)
        {
            parameters.add(parameter);
            return this;
        }

        Builder variadic(String parameterName, Type type)
        {
            return variadic(Parameter.of(parameterName, type));
        }

        Builder variadic(Parameter parameter)
        {
            variadic = Optional.of(parameter);
            return this;
        }

        Builder returns(Type type)
        {
            requireNonNull(type, "type is null");
            return returns(call -> type);
        }

        Builder returns(ReturnType returnType)
        {
            this.returnType = returnType;
            return this;
        }

        /**
         * The implementation decides the result's marks alone: the framework does not mark the
         * result for the top-level mark of a parameter that allows sensitive values.
         */
        Builder ownsMarks()
        {
            this.ownsMarks = true;
            return this;
        }

        StandardFunction implementation(Implementation implementation)
        {
            return new StandardFunction(name, parameters, variadic, requireNonNull(returnType, "returnType is not set"), implementation, ownsMarks);
        }
    }
}
