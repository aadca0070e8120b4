package dev.kiln.lang.ast;

import dev.kiln.lang.diag.SourceRange;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** A piece of a {@link Expression.Template}. */
public sealed interface TemplatePart
{
    SourceRange range();

    /** Literal text, escapes already decoded ({@code $${} and {@code %%{} already unescaped}). */
    record Literal(String text, SourceRange range)
            implements TemplatePart
    {
        public Literal
        {
            requireNonNull(text, "text is null");
            requireNonNull(range, "range is null");
        }
    }

    /** {@code ${ expr }} */
    record Interpolation(Expression expression, SourceRange range)
            implements TemplatePart
    {
        public Interpolation
        {
            requireNonNull(expression, "expression is null");
            requireNonNull(range, "range is null");
        }
    }

    /** {@code %{ if cond }...%{ else }...%{ endif }} */
    record If(Expression condition, List<TemplatePart> whenTrue, List<TemplatePart> whenFalse, SourceRange range)
            implements TemplatePart
    {
        public If
        {
            requireNonNull(condition, "condition is null");
            whenTrue = List.copyOf(whenTrue);
            whenFalse = List.copyOf(whenFalse);
            requireNonNull(range, "range is null");
        }
    }

    /** {@code %{ for k, v in coll }...%{ endfor }} */
    record For(Optional<String> keyVariable, String valueVariable, Expression collection, List<TemplatePart> body, SourceRange range)
            implements TemplatePart
    {
        public For
        {
            requireNonNull(keyVariable, "keyVariable is null");
            requireNonNull(valueVariable, "valueVariable is null");
            requireNonNull(collection, "collection is null");
            body = List.copyOf(body);
            requireNonNull(range, "range is null");
        }
    }
}
