package dev.kiln.lang.config;

import dev.kiln.lang.ast.Attribute;
import dev.kiln.lang.ast.Block;
import dev.kiln.lang.config.schema.AttributeSchema;
import dev.kiln.lang.config.schema.BlockSchema;
import dev.kiln.lang.config.schema.DecodedAttribute;
import dev.kiln.lang.config.schema.DecodedBlock;
import dev.kiln.lang.config.schema.NestedBlockSchema;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;
import dev.kiln.lang.eval.EvalContext;
import dev.kiln.lang.eval.Evaluator;
import dev.kiln.lang.value.Conversion;
import dev.kiln.lang.value.ConversionException;
import dev.kiln.lang.value.Value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Decodes a block against its {@link BlockSchema}: checks labels, arguments and nested
 * blocks, evaluates and converts every written argument, fills defaults and marks sensitive
 * values. Every problem becomes a diagnostic; the decoded block holds what could be decoded.
 */
public final class SchemaDecoder
{
    private final ExpressionEvaluator evaluator;
    private final Diagnostics diagnostics;

    private SchemaDecoder(ExpressionEvaluator evaluator, Diagnostics diagnostics)
    {
        this.evaluator = evaluator;
        this.diagnostics = diagnostics;
    }

    /** Decodes {@code block} with its expressions evaluated in {@code context}. */
    public static DecodedBlock decode(Block block, BlockSchema schema, EvalContext context, Diagnostics diagnostics)
    {
        requireNonNull(block, "block is null");
        requireNonNull(schema, "schema is null");
        requireNonNull(context, "context is null");
        requireNonNull(diagnostics, "diagnostics is null");
        ExpressionEvaluator evaluator = (expression, sink) -> new EvaluatedExpression(
                Evaluator.evaluate(expression, context, sink),
                ReferenceFinder.find(expression).stream()
                        .flatMap(reference -> ResourceReferences.literal(reference).stream())
                        .toList());
        return decode(block, schema, evaluator, Set.of(), diagnostics);
    }

    /** Decodes {@code block}, leaving out the top-level arguments named in {@code metaArguments}. */
    static DecodedBlock decode(Block block, BlockSchema schema, ExpressionEvaluator evaluator, Set<String> metaArguments, Diagnostics diagnostics)
    {
        return new SchemaDecoder(evaluator, diagnostics).decodeBlock(block, schema, metaArguments);
    }

    private DecodedBlock decodeBlock(Block block, BlockSchema schema, Set<String> metaArguments)
    {
        BodyShape.checkLabels(block, schema.labelNames(), diagnostics);
        Map<String, Attribute> written = BodyShape.attributes(block.body(), schema.attributes().keySet(), schema.blocks().keySet(), metaArguments, diagnostics);
        Map<String, DecodedAttribute> attributes = new LinkedHashMap<>();
        for (AttributeSchema attributeSchema : schema.attributes().values()) {
            Attribute attribute = written.get(attributeSchema.name());
            if (attribute != null) {
                decodeAttribute(attribute, attributeSchema).ifPresent(decoded -> attributes.put(decoded.name(), decoded));
            }
            else if (attributeSchema.required()) {
                BodyShape.missingArgument(block, attributeSchema.name(), diagnostics);
            }
            else if (attributeSchema.defaultValue().isPresent()) {
                Value value = attributeSchema.defaultValue().get();
                attributes.put(attributeSchema.name(), new DecodedAttribute(
                        attributeSchema.name(),
                        attributeSchema.sensitive() ? value.withSensitive(true) : value,
                        false,
                        block.typeRange()));
            }
        }
        Map<String, List<DecodedBlock>> blocks = new LinkedHashMap<>();
        List<Block> nested = BodyShape.blocks(block.body(), schema.blocks().keySet(), schema.attributes().keySet(), diagnostics);
        NestedBlockRules.check(block, schema, nested, diagnostics);
        for (Block child : nested) {
            NestedBlockSchema childSchema = schema.blocks().get(child.type());
            BlockSchema effective = childSchema.nesting() == NestedBlockSchema.Nesting.LABELED && childSchema.schema().labelNames().isEmpty()
                    ? new BlockSchema(List.of("name"), childSchema.schema().attributes(), childSchema.schema().blocks())
                    : childSchema.schema();
            blocks.computeIfAbsent(child.type(), ignored -> new ArrayList<>()).add(decodeBlock(child, effective, Set.of()));
        }
        return new DecodedBlock(block.type(), block.labels(), attributes, blocks, block.typeRange(), block.range());
    }

    private Optional<DecodedAttribute> decodeAttribute(Attribute attribute, AttributeSchema schema)
    {
        if (schema.computed()) {
            diagnostics.add(Diagnostic.error(
                    "Invalid argument",
                    "The argument \"" + attribute.name() + "\" is computed by the provider: its value is known only after apply, "
                            + "so it cannot be set in the configuration. Remove it; other expressions can still refer to it.",
                    attribute.nameRange()));
            return Optional.empty();
        }
        EvaluatedExpression evaluated = evaluator.evaluate(attribute.expression(), diagnostics);
        Value value;
        try {
            value = Conversion.convert(evaluated.value(), schema.type());
        }
        catch (ConversionException exception) {
            diagnostics.add(Diagnostic.error(
                    "Incorrect attribute value type",
                    "Inappropriate value for attribute \"" + attribute.name() + "\": " + exception.getMessage() + ".",
                    attribute.expression().range()));
            value = Value.unknown(schema.type());
        }
        if (schema.sensitive()) {
            value = value.withSensitive(true);
        }
        return Optional.of(new DecodedAttribute(attribute.name(), value, true, attribute.expression().range(), evaluated.references()));
    }
}
