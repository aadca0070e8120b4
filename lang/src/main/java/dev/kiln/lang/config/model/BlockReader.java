package dev.kiln.lang.config.model;

import dev.kiln.lang.config.schema.DecodedAttribute;
import dev.kiln.lang.config.schema.DecodedBlock;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;
import dev.kiln.lang.diag.SourceRange;
import dev.kiln.lang.value.Value;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads a decoded block's arguments into settings. An argument that is absent or null is
 * empty (or its fallback, placed at the block's type range); a value not known until apply
 * becomes an unknown setting.
 */
final class BlockReader
{
    private final DecodedBlock block;
    private final Diagnostics diagnostics;

    BlockReader(DecodedBlock block, Diagnostics diagnostics)
    {
        this.block = block;
        this.diagnostics = diagnostics;
    }

    DecodedBlock block()
    {
        return block;
    }

    /** The block's first label's range, else its type's range: where "this block" is pointed at. */
    SourceRange headerRange()
    {
        return block.labels().isEmpty() ? block.typeRange() : block.labels().getFirst().range();
    }

    Optional<DecodedAttribute> attribute(String name)
    {
        return block.attribute(name).filter(attribute -> !attribute.value().isNull());
    }

    Optional<Setting<String>> string(String name)
    {
        return attribute(name).map(attribute -> read(attribute, BlockReader::text));
    }

    Setting<String> string(String name, String fallback)
    {
        return string(name).orElseGet(() -> Setting.known(fallback, block.typeRange()));
    }

    Optional<Setting<Boolean>> bool(String name)
    {
        return attribute(name).map(attribute -> read(attribute, value -> ((Value.BoolValue) value).value()));
    }

    Setting<Boolean> bool(String name, boolean fallback)
    {
        return bool(name).orElseGet(() -> Setting.known(fallback, block.typeRange()));
    }

    Optional<Setting<BigDecimal>> decimal(String name)
    {
        return attribute(name).map(attribute -> read(attribute, value -> ((Value.NumberValue) value).value()));
    }

    Setting<BigDecimal> decimal(String name, BigDecimal fallback)
    {
        return decimal(name).orElseGet(() -> Setting.known(fallback, block.typeRange()));
    }

    Optional<Setting<Integer>> integer(String name)
    {
        return attribute(name).map(attribute -> {
            Setting<BigDecimal> number = read(attribute, value -> ((Value.NumberValue) value).value());
            if (number.known().isEmpty()) {
                return Setting.unknown(attribute.range());
            }
            BigDecimal value = number.known().get();
            if (value.stripTrailingZeros().scale() > 0 || value.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
                diagnostics.add(Diagnostic.error(
                        "Whole number required",
                        "The argument \"" + name + "\" must be a whole number, but it is " + shown(attribute) + ". Write a whole number such as 3.",
                        attribute.range()));
                return Setting.unknown(attribute.range());
            }
            return Setting.known(value.intValueExact(), number.sensitive(), attribute.range());
        });
    }

    Setting<Integer> integer(String name, int fallback)
    {
        return integer(name).orElseGet(() -> Setting.known(fallback, block.typeRange()));
    }

    /** A list of strings; absent is the empty list. */
    Setting<List<String>> strings(String name)
    {
        return attribute(name)
                .map(attribute -> read(attribute, BlockReader::textList))
                .orElseGet(() -> Setting.known(List.of(), block.typeRange()));
    }

    Optional<Setting<List<String>>> optionalStrings(String name)
    {
        return attribute(name).map(attribute -> read(attribute, BlockReader::textList));
    }

    /** A map of strings; absent is the empty map. */
    Setting<Map<String, String>> stringMap(String name)
    {
        return attribute(name)
                .map(attribute -> read(attribute, BlockReader::textMap))
                .orElseGet(() -> Setting.known(Map.of(), block.typeRange()));
    }

    Optional<Setting<Value>> value(String name)
    {
        return attribute(name).map(attribute -> attribute.value().isWhollyKnown()
                ? Setting.known(attribute.value(), attribute.value().containsSensitive(), attribute.range())
                : Setting.unknown(attribute.range()));
    }

    private static <T> Setting<T> read(DecodedAttribute attribute, Function<Value, T> conversion)
    {
        Value value = attribute.value();
        if (!value.isWhollyKnown()) {
            return Setting.unknown(attribute.range());
        }
        return Setting.known(conversion.apply(value), value.containsSensitive(), attribute.range());
    }

    /** The value for a message: sensitive values are never shown. */
    static String shown(DecodedAttribute attribute)
    {
        return attribute.value().containsSensitive() ? "(sensitive value)" : attribute.value().toSourceForm();
    }

    /** A primitive as text; the decoder has converted arguments to their schema types, so others do not occur in strings. */
    static String text(Value value)
    {
        return switch (value) {
            case Value.StringValue string -> string.value();
            case Value.NumberValue number -> number.value().toPlainString();
            case Value.BoolValue bool -> Boolean.toString(bool.value());
            case Value.Null ignored -> "";
            case Value.Unknown ignored -> value.toSourceForm();
            case Value.ListValue ignored -> value.toSourceForm();
            case Value.SetValue ignored -> value.toSourceForm();
            case Value.TupleValue ignored -> value.toSourceForm();
            case Value.MapValue ignored -> value.toSourceForm();
            case Value.ObjectValue ignored -> value.toSourceForm();
        };
    }

    /** The elements of a list, set or tuple; any other value stands alone. */
    static List<Value> elements(Value value)
    {
        return switch (value) {
            case Value.ListValue list -> list.elements();
            case Value.TupleValue tuple -> tuple.elements();
            case Value.SetValue set -> set.elements();
            case Value.StringValue ignored -> List.of(value);
            case Value.NumberValue ignored -> List.of(value);
            case Value.BoolValue ignored -> List.of(value);
            case Value.Null ignored -> List.of(value);
            case Value.Unknown ignored -> List.of(value);
            case Value.MapValue ignored -> List.of(value);
            case Value.ObjectValue ignored -> List.of(value);
        };
    }

    private static List<String> textList(Value value)
    {
        List<String> texts = new ArrayList<>();
        for (Value element : elements(value)) {
            if (!element.isNull()) {
                texts.add(text(element));
            }
        }
        return List.copyOf(texts);
    }

    private static Map<String, String> textMap(Value value)
    {
        Map<String, Value> entries = value instanceof Value.MapValue map ? map.entries()
                : value instanceof Value.ObjectValue object ? object.attributes()
                : Map.of();
        Map<String, String> texts = new LinkedHashMap<>();
        entries.forEach((key, element) -> {
            if (!element.isNull()) {
                texts.put(key, text(element));
            }
        });
        return Collections.unmodifiableMap(texts);
    }
}
