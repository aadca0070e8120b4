package dev.kiln.lang.config;

import dev.kiln.lang.addr.Reference;
import dev.kiln.lang.value.Value;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** An expression's value and the resources it refers to. */
record EvaluatedExpression(Value value, List<Reference> references)
{
    EvaluatedExpression
    {
        requireNonNull(value, "value is null");
        references = List.copyOf(references);
    }
}
