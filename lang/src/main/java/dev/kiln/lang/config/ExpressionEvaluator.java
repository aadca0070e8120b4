package dev.kiln.lang.config;

import dev.kiln.lang.ast.Expression;
import dev.kiln.lang.diag.Diagnostics;

/** Evaluates the expressions of one block in the scope the block sees. */
@FunctionalInterface
interface ExpressionEvaluator
{
    EvaluatedExpression evaluate(Expression expression, Diagnostics diagnostics);
}
