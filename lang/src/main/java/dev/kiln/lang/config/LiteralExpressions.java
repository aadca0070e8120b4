package dev.kiln.lang.config;

import dev.kiln.lang.ast.Expression;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;
import dev.kiln.lang.eval.EvalContext;
import dev.kiln.lang.eval.Evaluator;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;

import java.util.List;
import java.util.Map;

/**
 * Evaluates expressions that must be constant: variable defaults, values in variable files
 * and on the command line, and declaration settings such as {@code sensitive}. They may not
 * refer to anything or call functions, because they are read before anything else exists.
 */
final class LiteralExpressions
{
    private static final EvalContext EMPTY = EvalContext.of(Map.of(), Map.of());

    private LiteralExpressions() {}

    /** The value, or unknown when the expression refers to names or calls functions (reported). */
    static Value evaluate(Expression expression, Diagnostics diagnostics)
    {
        List<StaticReference> references = ReferenceFinder.find(expression);
        for (StaticReference reference : references) {
            diagnostics.add(Diagnostic.error(
                    "Variables not allowed",
                    "Variables may not be used here: this value is read before any variable, local value or resource exists. "
                            + "Write the value itself.",
                    reference.range()));
        }
        List<Expression.FunctionCall> calls = ReferenceFinder.functionCalls(expression);
        for (Expression.FunctionCall call : calls) {
            diagnostics.add(Diagnostic.error(
                    "Function calls not allowed",
                    "Functions may not be called here: this value is read before the configuration is evaluated. Write the value itself.",
                    call.nameRange()));
        }
        if (!references.isEmpty() || !calls.isEmpty()) {
            return Value.unknown(Type.DYNAMIC);
        }
        return Evaluator.evaluate(expression, EMPTY, diagnostics);
    }
}
