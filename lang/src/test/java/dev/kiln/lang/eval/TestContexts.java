package dev.kiln.lang.eval;

import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;
import dev.kiln.lang.ast.Expression;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A context with a few variables of every kind and two small functions, for evaluator tests. */
final class TestContexts
{
    private TestContexts() {}

    record Result(Value value, List<Diagnostic> diagnostics)
    {
        List<String> summaries()
        {
            return diagnostics.stream().map(Diagnostic::summary).toList();
        }

        String details()
        {
            return diagnostics.stream().map(Diagnostic::detail).collect(Collectors.joining("\n"));
        }
    }

    static Result evaluate(Expression expression)
    {
        Diagnostics diagnostics = new Diagnostics();
        Value value = Evaluator.evaluate(expression, context(), diagnostics);
        return new Result(value, diagnostics.toList());
    }

    static EvalContext context()
    {
        Map<String, Value> variables = Map.ofEntries(
                Map.entry("name", Value.string("web")),
                Map.entry("count", Value.number(3)),
                Map.entry("secret", Value.string("hunter2").withSensitive(true)),
                Map.entry("items", Value.list(Type.STRING, List.of(Value.string("a"), Value.string("b"), Value.string("c")))),
                Map.entry("labels", Value.set(Type.STRING, List.of(Value.string("y"), Value.string("x")))),
                Map.entry("tags", Value.map(Type.STRING, Map.of("env", Value.string("prod"), "team", Value.string("core")))),
                Map.entry("server", Value.object(Map.of("name", Value.string("s1"), "port", Value.number(80)))),
                Map.entry("servers", Value.tuple(List.of(
                        Value.object(Map.of("name", Value.string("a"), "port", Value.number(1))),
                        Value.object(Map.of("name", Value.string("b"), "port", Value.number(2).withSensitive(true)))))),
                Map.entry("unknown", Value.unknown(Type.DYNAMIC)),
                Map.entry("unknown_string", Value.unknown(Type.STRING)),
                Map.entry("nothing", Value.nullOf(Type.DYNAMIC)),
                Map.entry("flag", Value.bool(true)));
        return EvalContext.of(variables, Map.of("upper", new Upper(), "fail", new Fail(), "count_args", new CountArguments()));
    }

    private record Upper()
            implements Function
    {
        @Override
        public String name()
        {
            return "upper";
        }

        @Override
        public Value call(List<Value> arguments)
                throws FunctionException
        {
            if (arguments.size() != 1) {
                throw new FunctionException(arguments.isEmpty()
                        ? "Not enough function arguments: function \"upper\" expects 1 argument(s). Missing value for \"str\"."
                        : "Too many function arguments: function \"upper\" expects only 1 argument(s).");
            }
            Value argument = arguments.getFirst();
            if (!(argument instanceof Value.StringValue string)) {
                if (!argument.isKnown()) {
                    return Value.unknown(Type.STRING).withSensitive(argument.sensitive());
                }
                throw new FunctionException(0, "Invalid value for \"str\" parameter: a string is required.");
            }
            return Value.string(string.value().toUpperCase()).withSensitive(string.sensitive());
        }
    }

    private record Fail()
            implements Function
    {
        @Override
        public String name()
        {
            return "fail";
        }

        @Override
        public Value call(List<Value> arguments)
                throws FunctionException
        {
            throw new FunctionException("it always fails");
        }
    }

    private record CountArguments()
            implements Function
    {
        @Override
        public String name()
        {
            return "count_args";
        }

        @Override
        public Value call(List<Value> arguments)
        {
            return Value.number(arguments.size());
        }
    }
}
