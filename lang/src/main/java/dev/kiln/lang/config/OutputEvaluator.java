package dev.kiln.lang.config;

import dev.kiln.lang.ast.Attribute;
import dev.kiln.lang.ast.Block;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Evaluates {@code output} blocks. An output whose value holds sensitive data must say
 * {@code sensitive = true}, so secrets are never exported by accident; the value of an output
 * declared sensitive is marked sensitive.
 */
final class OutputEvaluator
{
    private static final List<String> ARGUMENTS = List.of("value", "description", "sensitive", "depends_on");

    private OutputEvaluator() {}

    static SortedMap<String, Output> evaluate(Map<String, Block> blocks, ExpressionEvaluator evaluator, Diagnostics diagnostics)
    {
        SortedMap<String, Output> outputs = new TreeMap<>();
        blocks.forEach((name, block) -> {
            Map<String, Attribute> attributes = BodyShape.attributes(block.body(), ARGUMENTS, List.of(), Set.of(), diagnostics);
            BodyShape.blocks(block.body(), List.of(), ARGUMENTS, diagnostics);
            boolean sensitive = VariableDeclaration.literal(attributes.get("sensitive"), Type.BOOL, diagnostics)
                    .map(value -> ((Value.BoolValue) value).value())
                    .orElse(false);
            String description = VariableDeclaration.literal(attributes.get("description"), Type.STRING, diagnostics)
                    .map(value -> ((Value.StringValue) value).value())
                    .orElse("");
            Attribute valueAttribute = attributes.get("value");
            if (valueAttribute == null) {
                BodyShape.missingArgument(block, "value", diagnostics);
                return;
            }
            EvaluatedExpression evaluated = evaluator.evaluate(valueAttribute.expression(), diagnostics);
            if (evaluated.value().containsSensitive() && !sensitive) {
                diagnostics.add(Diagnostic.error(
                        "Output refers to sensitive values",
                        "To reduce the risk of accidentally exporting sensitive data that was intended to be only internal, Kiln requires "
                                + "that any output containing sensitive data be explicitly marked as sensitive, to confirm your intent.\n\n"
                                + "If you do intend to export this data, annotate the output value as sensitive by adding the following argument:\n"
                                + "    sensitive = true",
                        block.headerRange()));
            }
            Value value = sensitive ? evaluated.value().withSensitive(true) : evaluated.value();
            outputs.put(name, new Output(name, value, sensitive, description, evaluated.references(), block.headerRange()));
        });
        return outputs;
    }
}
