package dev.kiln.lang.conformance;

import dev.kiln.lang.ast.Attribute;
import dev.kiln.lang.ast.Block;
import dev.kiln.lang.ast.Body;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;
import dev.kiln.lang.diag.SourceRange;
import dev.kiln.lang.eval.EvalContext;
import dev.kiln.lang.eval.Evaluator;
import dev.kiln.lang.value.Conversion;
import dev.kiln.lang.value.ConversionException;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Types;
import dev.kiln.lang.value.Value;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Decodes a body of an input file by an {@link DecodeSpec}, as {@code hcldec} does: every
 * body is checked for arguments and blocks the spec does not expect, attribute values are
 * evaluated and converted to their declared types, blocks become objects, lists, sets or
 * maps keyed by their labels.
 */
final class SpecDecoder
{
    private final EvalContext context;
    private final Diagnostics diagnostics;

    SpecDecoder(EvalContext context, Diagnostics diagnostics)
    {
        this.context = context;
        this.diagnostics = diagnostics;
    }

    Value decode(Body body, DecodeSpec spec)
    {
        check(body, spec);
        return value(body, spec);
    }

    private void check(Body body, DecodeSpec spec)
    {
        Set<String> attributes = new TreeSet<>();
        Set<String> blocks = new TreeSet<>();
        expected(spec, attributes, blocks);
        for (Attribute attribute : body.attributes()) {
            if (!attributes.contains(attribute.name())) {
                diagnostics.add(Diagnostic.error("Unsupported argument", "An argument named \"" + attribute.name() + "\" is not expected here.", attribute.nameRange()));
            }
        }
        for (Block block : body.blocks()) {
            if (!blocks.contains(block.type())) {
                diagnostics.add(Diagnostic.error("Unsupported block type", "Blocks of type \"" + block.type() + "\" are not expected here.", block.typeRange()));
            }
        }
    }

    private static void expected(DecodeSpec spec, Set<String> attributes, Set<String> blocks)
    {
        switch (spec) {
            case DecodeSpec.ObjectSpec object -> object.properties().values().forEach(child -> expected(child, attributes, blocks));
            case DecodeSpec.ArraySpec array -> array.elements().forEach(child -> expected(child, attributes, blocks));
            case DecodeSpec.AttributeSpec attribute -> attributes.add(attribute.name());
            case DecodeSpec.BlockSpec block -> blocks.add(block.blockType());
            case DecodeSpec.LiteralSpec ignored -> {}
            case DecodeSpec.DefaultSpec choices -> choices.choices().forEach(child -> expected(child, attributes, blocks));
            case DecodeSpec.TransformSpec transform -> expected(transform.nested(), attributes, blocks);
        }
    }

    private Value value(Body body, DecodeSpec spec)
    {
        return switch (spec) {
            case DecodeSpec.ObjectSpec object -> {
                Map<String, Value> properties = new TreeMap<>();
                object.properties().forEach((name, child) -> properties.put(name, value(body, child)));
                yield Value.object(properties);
            }
            case DecodeSpec.ArraySpec array -> Value.tuple(array.elements().stream().map(child -> value(body, child)).toList());
            case DecodeSpec.AttributeSpec attribute -> attribute(body, attribute);
            case DecodeSpec.BlockSpec block -> blocks(body, block);
            case DecodeSpec.LiteralSpec literal -> literal.value();
            case DecodeSpec.DefaultSpec choices -> choices.choices().stream()
                    .map(child -> value(body, child))
                    .filter(value -> !value.isNull())
                    .findFirst()
                    .orElse(Value.nullOf(Type.DYNAMIC));
            case DecodeSpec.TransformSpec transform -> Evaluator.evaluate(transform.result(),
                    EvalContext.of(Map.of("nested", value(body, transform.nested())), Map.of()), diagnostics);
        };
    }

    private Value attribute(Body body, DecodeSpec.AttributeSpec spec)
    {
        Optional<Attribute> attribute = body.attributes().stream().filter(candidate -> candidate.name().equals(spec.name())).findFirst();
        Type type = spec.type().map(constraint -> constraint.type()).orElse(Type.DYNAMIC);
        if (attribute.isEmpty()) {
            if (spec.required()) {
                diagnostics.add(Diagnostic.error("Missing required argument", "The argument \"" + spec.name() + "\" is required, but no definition was found.", body.range()));
            }
            return Value.nullOf(type);
        }
        Value value = Evaluator.evaluate(attribute.get().expression(), context, diagnostics);
        if (spec.type().isEmpty()) {
            return value;
        }
        try {
            return spec.type().get().apply(value);
        }
        catch (ConversionException exception) {
            diagnostics.add(Diagnostic.error("Incorrect attribute value type",
                    "Inappropriate value for attribute \"" + spec.name() + "\": " + exception.getMessage() + ".", attribute.get().expression().range()));
            return Value.unknown(type);
        }
    }

    private Value blocks(Body body, DecodeSpec.BlockSpec spec)
    {
        List<Block> blocks = body.blocks().stream().filter(block -> block.type().equals(spec.blockType())).toList();
        blocks.forEach(block -> checkLabels(block, spec.labels().size()));
        return switch (spec.kind()) {
            case SINGLE -> single(body, spec, blocks);
            case LIST -> sequence(spec, blocks, false);
            case SET -> sequence(spec, blocks, true);
            case MAP -> map(spec, blocks);
        };
    }

    private void checkLabels(Block block, int expected)
    {
        if (block.labels().size() > expected) {
            diagnostics.add(Diagnostic.error("Extraneous label for " + block.type(),
                    "Only " + expected + " labels are expected for " + block.type() + " blocks.", block.labels().get(expected).range()));
        }
        else if (block.labels().size() < expected) {
            diagnostics.add(Diagnostic.error("Missing label for " + block.type(),
                    "All " + block.type() + " blocks must have " + expected + " labels.", block.headerRange()));
        }
    }

    private Value single(Body body, DecodeSpec.BlockSpec spec, List<Block> blocks)
    {
        if (blocks.isEmpty()) {
            if (spec.required()) {
                diagnostics.add(Diagnostic.error("Missing " + spec.blockType() + " block", "A block of type \"" + spec.blockType() + "\" is required here.", body.range()));
            }
            return Value.nullOf(Type.DYNAMIC);
        }
        for (Block duplicate : blocks.subList(1, blocks.size())) {
            diagnostics.add(Diagnostic.error("Duplicate " + spec.blockType() + " block", "Only one block of type \"" + spec.blockType() + "\" is allowed.", duplicate.typeRange()));
        }
        return decode(blocks.getFirst().body(), spec.nested());
    }

    private Value sequence(DecodeSpec.BlockSpec spec, List<Block> blocks, boolean set)
    {
        if (spec.minimumItems() > 0 && blocks.size() < spec.minimumItems() || spec.maximumItems() > 0 && blocks.size() > spec.maximumItems()) {
            diagnostics.add(Diagnostic.error("Wrong number of " + spec.blockType() + " blocks",
                    "Between " + spec.minimumItems() + " and " + spec.maximumItems() + " blocks are expected.",
                    blocks.isEmpty() ? SourceRange.synthetic("spec") : blocks.getFirst().typeRange()));
        }
        List<Value> elements = blocks.stream().map(block -> decode(block.body(), spec.nested())).toList();
        Optional<Type> element = elements.isEmpty() ? Optional.of(Type.DYNAMIC) : Types.unify(elements.stream().map(Value::type).toList());
        if (element.isEmpty()) {
            return Value.tuple(elements);
        }
        List<Value> converted = elements.stream().map(value -> convert(value, element.get())).toList();
        return set ? Value.set(element.get(), converted) : Value.list(element.get(), converted);
    }

    private Value map(DecodeSpec.BlockSpec spec, List<Block> blocks)
    {
        Map<String, Object> tree = new TreeMap<>();
        for (Block block : blocks) {
            if (block.labels().size() != spec.labels().size()) {
                continue;
            }
            Map<String, Object> level = tree;
            for (int index = 0; index < block.labels().size() - 1; index++) {
                @SuppressWarnings("unchecked")
                Map<String, Object> next = (Map<String, Object>) level.computeIfAbsent(block.labels().get(index).value(), ignored -> new TreeMap<String, Object>());
                level = next;
            }
            String last = block.labels().getLast().value();
            if (level.containsKey(last)) {
                diagnostics.add(Diagnostic.error("Duplicate " + spec.blockType() + " block", "A block with these labels was already defined.", block.headerRange()));
                continue;
            }
            level.put(last, decode(block.body(), spec.nested()));
        }
        return mapValue(tree);
    }

    private Value mapValue(Map<String, Object> tree)
    {
        Map<String, Value> entries = new LinkedHashMap<>();
        tree.forEach((key, node) -> {
            @SuppressWarnings("unchecked")
            Value value = node instanceof Value leaf ? leaf : mapValue((Map<String, Object>) node);
            entries.put(key, value);
        });
        Optional<Type> element = entries.isEmpty() ? Optional.of(Type.DYNAMIC) : Types.unify(entries.values().stream().map(Value::type).toList());
        if (element.isEmpty()) {
            return Value.object(entries);
        }
        Map<String, Value> converted = new TreeMap<>();
        entries.forEach((key, value) -> converted.put(key, convert(value, element.get())));
        return Value.map(element.get(), converted);
    }

    private static Value convert(Value value, Type type)
    {
        try {
            return Conversion.convert(value, type);
        }
        catch (ConversionException exception) {
            throw new IllegalStateException("unified type does not fit: " + exception.getMessage(), exception);
        }
    }
}
