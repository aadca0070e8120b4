package dev.kiln.lang.eval;

import dev.kiln.lang.ast.Expression;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;

import java.util.List;

/**
 * {@code try(a, b, ...)} returns the first argument that evaluates without errors;
 * {@code can(x)} says whether its argument does. Each argument is evaluated into scratch
 * diagnostics. As in Terraform, a result that is not wholly known cannot be judged yet, so
 * it makes the result unknown.
 */
final class SpecialForms
{
    private SpecialForms() {}

    static Value tryForm(Evaluator evaluator, Expression.FunctionCall call, Evaluator.Scope scope)
    {
        if (call.arguments().isEmpty()) {
            evaluator.error("Not enough function arguments", "Function \"try\" expects at least one argument.", call.range(), call.range());
            return Evaluator.failed();
        }
        if (call.expandFinal()) {
            evaluator.error("Invalid expanding argument value", "Function \"try\" does not accept an expanded (...) argument.", call.arguments().getLast().range(), call.range());
            return Evaluator.failed();
        }
        StringBuilder failures = new StringBuilder();
        for (Expression argument : call.arguments()) {
            Diagnostics scratch = new Diagnostics();
            Value value = evaluator.scratch(scratch).evaluate(argument, scope);
            if (!scratch.hasErrors()) {
                return value.isWhollyKnown() ? value : Evaluator.mark(Value.unknown(Type.DYNAMIC), value.containsSensitive());
            }
            scratch.toList().stream().filter(Diagnostic::isError).forEach(diagnostic -> failures.append("\n- ").append(diagnostic.summary())
                    .append(diagnostic.subject().map(range -> " (at " + range + ")").orElse(""))
                    .append("\n  ").append(diagnostic.detail()));
        }
        evaluator.error("Error in function call",
                "Call to function \"try\" failed: no expression succeeded:" + failures + "\n\nAt least one expression must produce a successful result.",
                call.range(), call.range());
        return Evaluator.failed();
    }

    static Value canForm(Evaluator evaluator, Expression.FunctionCall call, Evaluator.Scope scope)
    {
        List<Expression> arguments = call.arguments();
        if (call.expandFinal() && !arguments.isEmpty()) {
            evaluator.error("Invalid expanding argument value", "Function \"can\" does not accept an expanded (...) argument.", arguments.getLast().range(), call.range());
            return Evaluator.failed();
        }
        if (arguments.size() != 1) {
            evaluator.error(arguments.isEmpty() ? "Not enough function arguments" : "Too many function arguments",
                    "Function \"can\" expects exactly one argument.", call.range(), call.range());
            return Evaluator.failed();
        }
        Diagnostics scratch = new Diagnostics();
        Value value = evaluator.scratch(scratch).evaluate(arguments.getFirst(), scope);
        if (scratch.hasErrors()) {
            return Value.bool(false);
        }
        return value.isWhollyKnown() ? Value.bool(true) : Evaluator.mark(Value.unknown(Type.BOOL), value.containsSensitive());
    }
}
