package dev.kiln.lang.config;

import dev.kiln.lang.ast.Block;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;
import dev.kiln.lang.eval.Function;
import dev.kiln.lang.syntax.Parser;
import dev.kiln.lang.value.ConversionException;
import dev.kiln.lang.value.Value;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Gives every declared input variable its value: the input with the highest precedence
 * (default, environment, then command-line options in order), converted to the variable's
 * type constraint, checked for null, marked sensitive, and checked by its validation rules.
 */
final class VariableResolver
{
    private final Map<String, Function> functions;
    private final Diagnostics diagnostics;

    private VariableResolver(Map<String, Function> functions, Diagnostics diagnostics)
    {
        this.functions = functions;
        this.diagnostics = diagnostics;
    }

    /**
     * Every variable's value, and the names of those that failed: no value, a value of the
     * wrong type or null where that is not allowed, or a value its validation rejects (each
     * reported). A failed variable is unknown to the rest of the configuration.
     */
    record Resolution(SortedMap<String, Variable> variables, Set<String> failed)
    {
        Resolution
        {
            variables = Collections.unmodifiableSortedMap(new TreeMap<>(variables));
            failed = Set.copyOf(failed);
        }
    }

    static Resolution resolve(
            Map<String, Block> blocks,
            VariableInputs inputs,
            Map<String, Function> functions,
            Map<String, String> sources,
            Diagnostics diagnostics)
    {
        return resolve(blocks, blocks.keySet(), inputs, functions, sources, diagnostics);
    }

    /** Resolves only the variables named in {@code wanted}; every declared one may still be given (so none is reported undeclared). */
    static Resolution resolve(
            Map<String, Block> blocks,
            Set<String> wanted,
            VariableInputs inputs,
            Map<String, Function> functions,
            Map<String, String> sources,
            Diagnostics diagnostics)
    {
        Map<String, List<VariableInputReader.Input>> given = VariableInputReader.read(blocks.keySet(), inputs, sources, diagnostics);
        VariableResolver resolver = new VariableResolver(functions, diagnostics);
        SortedMap<String, Variable> variables = new TreeMap<>();
        Set<String> failed = new TreeSet<>();
        blocks.forEach((name, block) -> {
            if (!wanted.contains(name)) {
                return;
            }
            VariableDeclaration declaration = VariableDeclaration.parse(name, block, diagnostics);
            Optional<Value> defaultValue = resolver.defaultValue(declaration);
            long errors = diagnostics.errorCount();
            List<VariableInputReader.Input> candidates = given.getOrDefault(name, List.of());
            boolean unset = candidates.isEmpty() && defaultValue.isEmpty();
            Value value = candidates.isEmpty()
                    ? defaultValue.orElseGet(() -> inputs.unsetAllowed() ? Value.unknown(declaration.constraintType()) : resolver.missing(declaration))
                    : resolver.given(declaration, candidates.getLast(), defaultValue);
            if (declaration.sensitive()) {
                value = value.withSensitive(true);
            }
            VariableInputReader.Input origin = candidates.isEmpty()
                    ? declaration.defaultAttribute().<VariableInputReader.Input>map(attribute -> new VariableInputReader.Input.Written(attribute.expression(), attribute.expression().range()))
                            .orElse(null)
                    : candidates.getLast();
            // Values are literals, so one that is not wholly known comes from a syntax error already reported.
            boolean valueFailed = diagnostics.errorCount() > errors || !value.isWhollyKnown() && !(unset && inputs.unsetAllowed());
            boolean valid = origin == null || VariableValidation.check(declaration, value, origin.range(), functions, diagnostics);
            if (valueFailed || !valid) {
                failed.add(name);
            }
            variables.put(name, new Variable(name, declaration.constraintType(), value, declaration.sensitive(), declaration.nullable(),
                    declaration.description(), block.headerRange()));
        });
        return new Resolution(variables, failed);
    }

    private Optional<Value> defaultValue(VariableDeclaration declaration)
    {
        if (declaration.defaultAttribute().isEmpty()) {
            return Optional.empty();
        }
        var attribute = declaration.defaultAttribute().get();
        Value value = LiteralExpressions.evaluate(attribute.expression(), diagnostics);
        try {
            return Optional.of(convert(declaration, value));
        }
        catch (ConversionException exception) {
            if (!value.isWhollyKnown()) {
                return Optional.of(Value.unknown(declaration.constraintType()));
            }
            diagnostics.add(Diagnostic.error(
                    "Invalid default value for variable",
                    "This default value is not compatible with the variable's type constraint: " + exception.getMessage() + ".",
                    attribute.expression().range()));
            return Optional.of(Value.unknown(declaration.constraintType()));
        }
    }

    private Value given(VariableDeclaration declaration, VariableInputReader.Input input, Optional<Value> defaultValue)
    {
        Value raw = switch (input) {
            case VariableInputReader.Input.Text text -> fromText(declaration, text);
            case VariableInputReader.Input.Written written -> LiteralExpressions.evaluate(written.expression(), diagnostics);
        };
        Value value;
        try {
            value = convert(declaration, raw);
        }
        catch (ConversionException exception) {
            if (!raw.isWhollyKnown()) {
                return Value.unknown(declaration.constraintType());
            }
            diagnostics.add(Diagnostic.error(
                    "Invalid value for input variable",
                    "The given value is not suitable for var." + declaration.name() + " declared at " + declaration.block().headerRange() + ": "
                            + exception.getMessage() + ".",
                    input.range()));
            return Value.unknown(declaration.constraintType());
        }
        if (value.isNull() && !declaration.nullable()) {
            if (defaultValue.isPresent()) {
                return defaultValue.get();
            }
            diagnostics.add(Diagnostic.error(
                    "Invalid value for input variable",
                    "The given value is null, but var." + declaration.name() + " is declared with nullable = false. Give it a value that is not null.",
                    input.range()));
            return Value.unknown(declaration.constraintType());
        }
        return value;
    }

    private Value fromText(VariableDeclaration declaration, VariableInputReader.Input.Text text)
    {
        if (declaration.takesLiteralStrings()) {
            return Value.string(text.text());
        }
        var parsed = Parser.parseExpression(text.range().filename(), text.text());
        diagnostics.addAll(parsed.diagnostics());
        return parsed.expression()
                .map(expression -> LiteralExpressions.evaluate(expression, diagnostics))
                .orElse(Value.unknown(declaration.constraintType()));
    }

    private Value convert(VariableDeclaration declaration, Value value)
            throws ConversionException
    {
        return declaration.type().isPresent() ? declaration.type().get().apply(value) : value;
    }

    private Value missing(VariableDeclaration declaration)
    {
        diagnostics.add(Diagnostic.error(
                "No value for required variable",
                "The input variable \"" + declaration.name() + "\" is not set, and has no default value. Use a -var or -var-file command line "
                        + "argument, or the " + VariableInputs.ENVIRONMENT_PREFIX + declaration.name() + " environment variable, to provide a value.",
                declaration.block().headerRange()));
        return Value.unknown(declaration.constraintType());
    }
}
