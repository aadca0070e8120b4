package dev.kiln.lang.config;

import dev.kiln.lang.addr.Reference;
import dev.kiln.lang.value.Value;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * An expression's value and the resources it refers to. {@code dependsOnFailure} is true when
 * the expression refers to a variable, local value or resource that failed (and was
 * reported): its value is then unknown for a reason already reported, and checks that would
 * only repeat that problem (an unknown {@code count}, say) stay silent.
 */
record EvaluatedExpression(Value value, List<Reference> references, boolean dependsOnFailure)
{
    EvaluatedExpression
    {
        requireNonNull(value, "value is null");
        references = List.copyOf(references);
    }

    EvaluatedExpression(Value value, List<Reference> references)
    {
        this(value, references, false);
    }
}
