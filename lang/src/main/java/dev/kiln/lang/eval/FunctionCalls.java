package dev.kiln.lang.eval;

import dev.kiln.lang.ast.Expression;
import dev.kiln.lang.diag.Diagnostics;
import dev.kiln.lang.diag.DidYouMean;
import dev.kiln.lang.diag.SourceRange;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Function calls: the special forms {@code try} and {@code can}, which see their arguments'
 * problems instead of reporting them, and calls of the context's functions with the final
 * {@code ...} argument expanded. A {@link FunctionException} becomes "Invalid function
 * argument" on the offending argument or "Error in function call" on the call.
 */
final class FunctionCalls
{
    private FunctionCalls() {}

    static Value evaluate(Evaluator evaluator, Expression.FunctionCall call, Evaluator.Scope scope)
    {
        return switch (call.name()) {
            case "try" -> SpecialForms.tryForm(evaluator, call, scope);
            case "can" -> SpecialForms.canForm(evaluator, call, scope);
            default -> callFunction(evaluator, call, scope);
        };
    }

    private static Value callFunction(Evaluator evaluator, Expression.FunctionCall call, Evaluator.Scope scope)
    {
        Optional<Function> function = scope.context().function(call.name());
        if (function.isEmpty()) {
            Set<String> known = new TreeSet<>(scope.context().functionNames());
            known.addAll(List.of("can", "try"));
            evaluator.error("Call to unknown function",
                    "There is no function named " + Evaluator.quote(call.name()) + "." + DidYouMean.sentence(call.name(), known),
                    call.nameRange(), call.range());
            return Evaluator.failed();
        }
        Diagnostics argumentDiagnostics = new Diagnostics();
        Evaluator arguments = evaluator.scratch(argumentDiagnostics);
        List<Value> values = new ArrayList<>();
        for (Expression argument : call.arguments()) {
            values.add(arguments.evaluate(argument, scope));
        }
        evaluator.merge(argumentDiagnostics);
        if (argumentDiagnostics.hasErrors()) {
            return Evaluator.failed();
        }
        if (call.expandFinal() && !call.arguments().isEmpty()) {
            Optional<List<Value>> expanded = expand(evaluator, call, values);
            if (expanded.isEmpty()) {
                return Evaluator.failed();
            }
            values = expanded.get();
        }
        try {
            return function.get().call(List.copyOf(values));
        }
        catch (FunctionException exception) {
            report(evaluator, call, exception);
            return Evaluator.failed();
        }
    }

    /** The arguments with the last one's elements in its place; empty when it cannot be expanded (reported, or unknown). */
    private static Optional<List<Value>> expand(Evaluator evaluator, Expression.FunctionCall call, List<Value> values)
    {
        Value last = values.getLast();
        SourceRange range = call.arguments().getLast().range();
        if (last.isNull()) {
            evaluator.error("Invalid expanding argument value", "The expanding argument (indicated by ...) must not be null.", range, call.range());
            return Optional.empty();
        }
        List<Value> elements = switch (last) {
            case Value.Unknown unknown when isSequence(unknown.type()) -> null;
            case Value.ListValue list -> list.elements();
            case Value.SetValue set -> set.elements();
            case Value.TupleValue tuple -> tuple.elements();
            default -> {
                evaluator.error("Invalid expanding argument value", "The expanding argument (indicated by ...) must be of a tuple, list, or set type.", range, call.range());
                yield null;
            }
        };
        if (elements == null) {
            return Optional.empty();
        }
        List<Value> expanded = new ArrayList<>(values.subList(0, values.size() - 1));
        elements.forEach(element -> expanded.add(Evaluator.mark(element, last.sensitive())));
        return Optional.of(expanded);
    }

    private static boolean isSequence(Type type)
    {
        return type == Type.DYNAMIC || type instanceof Type.ListType || type instanceof Type.SetType || type instanceof Type.TupleType;
    }

    private static final String NOT_ENOUGH = "Not enough function arguments";
    private static final String TOO_MANY = "Too many function arguments";

    /**
     * Reports a failed call. Messages that start with "Not enough function arguments: " or
     * "Too many function arguments: " become diagnostics with that summary; a message about
     * one argument goes on that argument's range.
     */
    private static void report(Evaluator evaluator, Expression.FunctionCall call, FunctionException exception)
    {
        String message = exception.getMessage();
        Optional<SourceRange> argument = argumentRange(call, exception);
        for (String summary : List.of(NOT_ENOUGH, TOO_MANY)) {
            if (message.startsWith(summary + ": ")) {
                evaluator.error(summary, sentence(capitalized(message.substring(summary.length() + 2))),
                        summary.equals(TOO_MANY) ? argument.orElse(call.range()) : call.range(), call.range());
                return;
            }
        }
        if (argument.isPresent()) {
            evaluator.error("Invalid function argument", sentence(message), argument.get(), call.range());
            return;
        }
        evaluator.error("Error in function call", "Call to function " + Evaluator.quote(call.name()) + " failed: " + sentence(message), call.range(), call.range());
    }

    /** The range of the argument to blame; arguments expanded from a final {@code ...} all point at it. */
    private static Optional<SourceRange> argumentRange(Expression.FunctionCall call, FunctionException exception)
    {
        if (exception.argumentIndex().isEmpty() || call.arguments().isEmpty()) {
            return Optional.empty();
        }
        int index = exception.argumentIndex().getAsInt();
        if (index >= call.arguments().size() && !call.expandFinal()) {
            return Optional.empty();
        }
        return Optional.of(call.arguments().get(Math.min(index, call.arguments().size() - 1)).range());
    }

    private static String capitalized(String text)
    {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    static String sentence(String message)
    {
        return message.endsWith(".") || message.endsWith("?") || message.endsWith("!") ? message : message + ".";
    }
}
