package dev.kiln.lang.conformance;

import dev.kiln.lang.ast.Expression;
import dev.kiln.lang.eval.TypeConstraint;
import dev.kiln.lang.value.Value;

import java.util.List;
import java.util.Optional;
import java.util.SequencedMap;

/**
 * One spec of the {@code hcldec} format (hashicorp/hcl {@code cmd/hcldec/spec-format.md}):
 * how to turn a body of the input file into a value.
 */
sealed interface DecodeSpec
{
    record ObjectSpec(SequencedMap<String, DecodeSpec> properties)
            implements DecodeSpec {}

    record ArraySpec(List<DecodeSpec> elements)
            implements DecodeSpec {}

    record AttributeSpec(String name, Optional<TypeConstraint> type, boolean required)
            implements DecodeSpec {}

    /** {@code block}, {@code block_list}, {@code block_set} and {@code block_map}. */
    record BlockSpec(Kind kind, String blockType, boolean required, int minimumItems, int maximumItems, List<String> labels, DecodeSpec nested)
            implements DecodeSpec
    {
        enum Kind
        {
            SINGLE, LIST, SET, MAP
        }
    }

    record LiteralSpec(Value value)
            implements DecodeSpec {}

    record DefaultSpec(List<DecodeSpec> choices)
            implements DecodeSpec {}

    record TransformSpec(DecodeSpec nested, Expression result)
            implements DecodeSpec {}
}
