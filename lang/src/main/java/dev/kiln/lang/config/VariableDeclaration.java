package dev.kiln.lang.config;

import dev.kiln.lang.ast.Attribute;
import dev.kiln.lang.ast.Block;
import dev.kiln.lang.ast.Expression;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;
import dev.kiln.lang.diag.SourceRange;
import dev.kiln.lang.eval.TypeConstraint;
import dev.kiln.lang.eval.TypeConstraints;
import dev.kiln.lang.value.Conversion;
import dev.kiln.lang.value.ConversionException;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/** A {@code variable} block as declared: type constraint, default, flags and validation rules. */
record VariableDeclaration(
        String name,
        Optional<TypeConstraint> type,
        Optional<Attribute> defaultAttribute,
        boolean sensitive,
        boolean nullable,
        String description,
        List<Validation> validations,
        Block block)
{
    private static final List<String> ARGUMENTS = List.of("type", "default", "description", "sensitive", "nullable");
    private static final List<String> BLOCKS = List.of("validation");

    VariableDeclaration
    {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(defaultAttribute, "defaultAttribute is null");
        requireNonNull(description, "description is null");
        validations = List.copyOf(validations);
        requireNonNull(block, "block is null");
    }

    /** A {@code validation} block: a condition on the value and the message shown when it is false. */
    record Validation(Expression condition, Expression errorMessage, SourceRange range) {}

    Type constraintType()
    {
        return type.map(TypeConstraint::type).orElse(Type.DYNAMIC);
    }

    /**
     * Values given as strings ({@code -var}, environment) are taken literally without a type
     * constraint or with a primitive one, and parsed as HCL expressions otherwise (also for an
     * explicit {@code any}), as Terraform does.
     */
    boolean takesLiteralStrings()
    {
        return type.isEmpty() || type.get().type() instanceof Type.Primitive;
    }

    static VariableDeclaration parse(String name, Block block, Diagnostics diagnostics)
    {
        Map<String, Attribute> attributes = BodyShape.attributes(block.body(), ARGUMENTS, BLOCKS, Set.of(), diagnostics);
        Optional<TypeConstraint> type = Optional.ofNullable(attributes.get("type"))
                .map(attribute -> TypeConstraints.parse(attribute.expression(), diagnostics));
        List<Validation> validations = new ArrayList<>();
        for (Block validation : BodyShape.blocks(block.body(), BLOCKS, ARGUMENTS, diagnostics)) {
            BodyShape.checkLabels(validation, List.of(), diagnostics);
            Map<String, Attribute> parts = BodyShape.attributes(validation.body(), List.of("condition", "error_message"), List.of(), Set.of(), diagnostics);
            BodyShape.blocks(validation.body(), List.of(), List.of("condition", "error_message"), diagnostics);
            for (String required : List.of("condition", "error_message")) {
                if (!parts.containsKey(required)) {
                    BodyShape.missingArgument(validation, required, diagnostics);
                }
            }
            if (parts.containsKey("condition") && parts.containsKey("error_message")) {
                validations.add(new Validation(parts.get("condition").expression(), parts.get("error_message").expression(), validation.typeRange()));
            }
        }
        return new VariableDeclaration(
                name,
                type,
                Optional.ofNullable(attributes.get("default")),
                literal(attributes.get("sensitive"), Type.BOOL, diagnostics).map(value -> ((Value.BoolValue) value).value()).orElse(false),
                literal(attributes.get("nullable"), Type.BOOL, diagnostics).map(value -> ((Value.BoolValue) value).value()).orElse(true),
                literal(attributes.get("description"), Type.STRING, diagnostics).map(value -> ((Value.StringValue) value).value()).orElse(""),
                validations,
                block);
    }

    /** A literal argument of a declaration (no references, no functions), converted to {@code type}. */
    static Optional<Value> literal(Attribute attribute, Type type, Diagnostics diagnostics)
    {
        if (attribute == null) {
            return Optional.empty();
        }
        Diagnostics evaluation = new Diagnostics();
        Value value = LiteralExpressions.evaluate(attribute.expression(), evaluation);
        diagnostics.addAll(evaluation.toList());
        if (evaluation.hasErrors()) {
            return Optional.empty();
        }
        try {
            Value converted = Conversion.convert(value, type);
            if (converted.isKnown() && !converted.isNull()) {
                return Optional.of(converted);
            }
        }
        catch (ConversionException exception) {
            diagnostics.add(Diagnostic.error(
                    "Incorrect attribute value type",
                    "Inappropriate value for attribute \"" + attribute.name() + "\": " + exception.getMessage() + ".",
                    attribute.expression().range()));
            return Optional.empty();
        }
        diagnostics.add(Diagnostic.error(
                "Incorrect attribute value type",
                "The argument \"" + attribute.name() + "\" must be a literal " + type.friendlyName() + ", not null.",
                attribute.expression().range()));
        return Optional.empty();
    }
}
