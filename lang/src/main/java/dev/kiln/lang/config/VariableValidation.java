package dev.kiln.lang.config;

import dev.kiln.lang.ast.Traverser;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;
import dev.kiln.lang.diag.SourceRange;
import dev.kiln.lang.eval.EvalContext;
import dev.kiln.lang.eval.Evaluator;
import dev.kiln.lang.eval.Function;
import dev.kiln.lang.value.Conversion;
import dev.kiln.lang.value.ConversionException;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;

import java.util.List;
import java.util.Map;

/**
 * Runs a variable's {@code validation} rules: each condition may refer only to the variable
 * itself; a false condition reports the rule's message on the range the value came from.
 */
final class VariableValidation
{
    private VariableValidation() {}

    /** Whether the value passes every rule that could be checked (false only when a rule rejected it, as reported). */
    static boolean check(VariableDeclaration declaration, Value value, SourceRange origin, Map<String, Function> functions, Diagnostics diagnostics)
    {
        EvalContext context = EvalContext.of(Map.of("var", Value.object(Map.of(declaration.name(), value))), functions);
        boolean passed = true;
        for (VariableDeclaration.Validation validation : declaration.validations()) {
            if (!refersOnlyToItself(declaration, validation, diagnostics) || !value.isWhollyKnown()) {
                continue;
            }
            Diagnostics evaluation = new Diagnostics();
            Value result = Evaluator.evaluate(validation.condition(), context, evaluation);
            diagnostics.addAll(evaluation.toList());
            if (evaluation.hasErrors() || !result.isKnown()) {
                continue;
            }
            Value condition;
            try {
                condition = Conversion.convert(result, Type.BOOL);
            }
            catch (ConversionException exception) {
                condition = Value.nullOf(Type.BOOL);
            }
            if (condition.isNull()) {
                diagnostics.add(Diagnostic.error(
                        "Invalid variable validation result",
                        "The validation condition must produce true or false.",
                        validation.condition().range()));
                continue;
            }
            if (!((Value.BoolValue) condition).value()) {
                passed = false;
                diagnostics.add(Diagnostic.error(
                        "Invalid value for variable",
                        message(validation, context, diagnostics) + "\n\nThis was checked by the validation rule at " + validation.range() + ".",
                        origin));
            }
        }
        return passed;
    }

    private static boolean refersOnlyToItself(VariableDeclaration declaration, VariableDeclaration.Validation validation, Diagnostics diagnostics)
    {
        List<StaticReference> references = ReferenceFinder.find(validation.condition());
        boolean valid = true;
        boolean itself = false;
        for (StaticReference reference : references) {
            List<Traverser> steps = reference.traversal().steps();
            boolean isItself = reference.rootName().equals("var")
                    && steps.size() >= 2
                    && steps.get(1) instanceof Traverser.Attribute attribute
                    && attribute.name().equals(declaration.name());
            if (!isItself) {
                diagnostics.add(Diagnostic.error(
                        "Invalid reference in variable validation",
                        "The condition for variable \"" + declaration.name() + "\" can only refer to the variable itself, using var." + declaration.name() + ".",
                        reference.range()));
                valid = false;
            }
            itself |= isItself;
        }
        if (valid && !itself) {
            diagnostics.add(Diagnostic.error(
                    "Invalid variable validation condition",
                    "The condition for variable \"" + declaration.name() + "\" must refer to var." + declaration.name() + " in order to test incoming values.",
                    validation.condition().range()));
            return false;
        }
        return valid;
    }

    private static String message(VariableDeclaration.Validation validation, EvalContext context, Diagnostics diagnostics)
    {
        Diagnostics evaluation = new Diagnostics();
        Value message = Evaluator.evaluate(validation.errorMessage(), context, evaluation);
        diagnostics.addAll(evaluation.toList());
        if (message.containsSensitive()) {
            return "The error message included a sensitive value, so it is not shown.";
        }
        if (message instanceof Value.StringValue string && !string.value().isBlank()) {
            return string.value();
        }
        return "The value does not satisfy the validation rule.";
    }
}
