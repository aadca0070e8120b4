package dev.kiln.lang.conformance;

import dev.kiln.lang.ast.Attribute;
import dev.kiln.lang.ast.Block;
import dev.kiln.lang.ast.Body;
import dev.kiln.lang.ast.BodyItem;
import dev.kiln.lang.diag.Diagnostics;
import dev.kiln.lang.eval.EvalContext;
import dev.kiln.lang.eval.Evaluator;
import dev.kiln.lang.eval.TypeConstraint;
import dev.kiln.lang.eval.TypeConstraints;
import dev.kiln.lang.value.Value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedMap;
import java.util.TreeMap;

/** Reads an {@code .hcldec} file's body: its {@code variables} and its one root spec block. */
final class DecodeSpecReader
{
    private static final EvalContext EMPTY = EvalContext.of(Map.of(), Map.of());

    private DecodeSpecReader() {}

    record SpecFile(DecodeSpec root, Map<String, Value> variables) {}

    static SpecFile read(Body body)
    {
        Map<String, Value> variables = new TreeMap<>();
        DecodeSpec root = null;
        for (Block block : body.blocks()) {
            if (block.type().equals("variables")) {
                for (Attribute attribute : block.body().attributes()) {
                    variables.put(attribute.name(), constant(attribute));
                }
            }
            else if (block.type().equals("function")) {
                throw new IllegalArgumentException("custom functions in spec files are not supported by this runner");
            }
            else {
                if (root != null) {
                    throw new IllegalArgumentException("more than one root spec block");
                }
                root = spec(block, Optional.empty());
            }
        }
        if (root == null) {
            throw new IllegalArgumentException("no root spec block");
        }
        return new SpecFile(root, variables);
    }

    private static DecodeSpec spec(Block block, Optional<String> defaultName)
    {
        Map<String, Attribute> attributes = new LinkedHashMap<>();
        block.body().attributes().forEach(attribute -> attributes.put(attribute.name(), attribute));
        return switch (block.type()) {
            case "object" -> {
                SequencedMap<String, DecodeSpec> properties = new LinkedHashMap<>();
                for (Block child : block.body().blocks()) {
                    String name = child.labels().getFirst().value();
                    properties.put(name, spec(child, Optional.of(name)));
                }
                yield new DecodeSpec.ObjectSpec(properties);
            }
            case "array" -> new DecodeSpec.ArraySpec(block.body().blocks().stream().map(child -> spec(child, Optional.empty())).toList());
            case "attr" -> new DecodeSpec.AttributeSpec(
                    string(attributes.get("name")).or(() -> defaultName).orElseThrow(),
                    Optional.ofNullable(attributes.get("type")).map(DecodeSpecReader::type),
                    bool(attributes.get("required")));
            case "block", "block_list", "block_set", "block_map" -> blockSpec(block, attributes, defaultName);
            case "literal" -> new DecodeSpec.LiteralSpec(constant(attributes.get("value")));
            case "default" -> new DecodeSpec.DefaultSpec(block.body().blocks().stream().map(child -> spec(child, defaultName)).toList());
            case "transform" -> new DecodeSpec.TransformSpec(spec(block.body().blocks().getFirst(), defaultName), attributes.get("result").expression());
            default -> throw new IllegalArgumentException("unsupported spec block type " + block.type());
        };
    }

    private static DecodeSpec blockSpec(Block block, Map<String, Attribute> attributes, Optional<String> defaultName)
    {
        DecodeSpec.BlockSpec.Kind kind = switch (block.type()) {
            case "block" -> DecodeSpec.BlockSpec.Kind.SINGLE;
            case "block_list" -> DecodeSpec.BlockSpec.Kind.LIST;
            case "block_set" -> DecodeSpec.BlockSpec.Kind.SET;
            default -> DecodeSpec.BlockSpec.Kind.MAP;
        };
        List<String> labels = new ArrayList<>();
        if (attributes.containsKey("labels")) {
            for (Value label : ((Value.TupleValue) constant(attributes.get("labels"))).elements()) {
                labels.add(((Value.StringValue) label).value());
            }
        }
        List<BodyItem> nested = block.body().items().stream().filter(Block.class::isInstance).toList();
        DecodeSpec nestedSpec = nested.isEmpty() ? new DecodeSpec.LiteralSpec(Value.object(Map.of())) : spec((Block) nested.getFirst(), Optional.empty());
        return new DecodeSpec.BlockSpec(kind,
                string(attributes.get("block_type")).or(() -> defaultName).orElseThrow(),
                bool(attributes.get("required")),
                integer(attributes.get("min_items")),
                integer(attributes.get("max_items")),
                labels,
                nestedSpec);
    }

    private static TypeConstraint type(Attribute attribute)
    {
        Diagnostics diagnostics = new Diagnostics();
        TypeConstraint constraint = TypeConstraints.parse(attribute.expression(), diagnostics);
        if (diagnostics.hasErrors()) {
            throw new IllegalArgumentException("invalid type in spec: " + diagnostics.toList());
        }
        return constraint;
    }

    static Value constant(Attribute attribute)
    {
        Diagnostics diagnostics = new Diagnostics();
        Value value = Evaluator.evaluate(attribute.expression(), EMPTY, diagnostics);
        if (diagnostics.hasErrors()) {
            throw new IllegalArgumentException("invalid constant in spec: " + diagnostics.toList());
        }
        return value;
    }

    private static Optional<String> string(Attribute attribute)
    {
        return attribute == null ? Optional.empty() : Optional.of(((Value.StringValue) constant(attribute)).value());
    }

    private static boolean bool(Attribute attribute)
    {
        return attribute != null && ((Value.BoolValue) constant(attribute)).value();
    }

    private static int integer(Attribute attribute)
    {
        return attribute == null ? 0 : ((Value.NumberValue) constant(attribute)).value().intValueExact();
    }
}
