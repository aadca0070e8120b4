package dev.kiln.lang.config;

import dev.kiln.lang.ast.Attribute;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;
import dev.kiln.lang.value.Conversion;
import dev.kiln.lang.value.ConversionException;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/** Turns the value of {@code count} or {@code for_each} into instance keys, or reports why it cannot. */
final class Iterations
{
    private static final String COUNT = "Invalid count argument";
    private static final String FOR_EACH = "Invalid for_each argument";

    private Iterations() {}

    static Optional<List<Iteration>> count(Attribute attribute, Value value, Diagnostics diagnostics)
    {
        if (!value.isKnown()) {
            return fail(COUNT, "The \"count\" value depends on values that cannot be determined until apply, so Kiln cannot predict how many "
                    + "instances will be created. Use values that are known when planning, like variables and local values.", attribute, diagnostics);
        }
        if (value.sensitive()) {
            return fail(COUNT, "Sensitive values, or values derived from sensitive values, cannot be used as count arguments.", attribute, diagnostics);
        }
        if (value.isNull()) {
            return fail(COUNT, "The given \"count\" argument value is null. A whole number is required.", attribute, diagnostics);
        }
        BigDecimal number;
        try {
            number = ((Value.NumberValue) Conversion.convert(value, Type.NUMBER)).value();
        }
        catch (ConversionException exception) {
            return fail(COUNT, "The given \"count\" argument value is unsuitable: " + exception.getMessage() + ".", attribute, diagnostics);
        }
        if (number.signum() < 0 || number.stripTrailingZeros().scale() > 0 || number.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            return fail(COUNT, "The given \"count\" argument value is unsuitable: it must be a whole number greater than or equal to zero.",
                    attribute, diagnostics);
        }
        return Optional.of(IntStream.range(0, number.intValueExact()).mapToObj(Iteration::counted).toList());
    }

    static Optional<List<Iteration>> forEach(Attribute attribute, Value value, Diagnostics diagnostics)
    {
        if (!value.isKnown() || (value instanceof Value.SetValue set && !set.isWhollyKnown())) {
            return fail(FOR_EACH, "The \"for_each\" value depends on values that cannot be determined until apply, so Kiln cannot predict "
                    + "how many instances will be created. Use keys that are known when planning.", attribute, diagnostics);
        }
        if (value.sensitive() || (value instanceof Value.SetValue set && set.containsSensitive())) {
            return fail(FOR_EACH, "Sensitive values, or values derived from sensitive values, cannot be used as for_each arguments: "
                    + "the keys would appear in resource addresses.", attribute, diagnostics);
        }
        if (value.isNull()) {
            return fail(FOR_EACH, "The given \"for_each\" argument value is null. A map, or set of strings, is allowed.", attribute, diagnostics);
        }
        List<Iteration> iterations = new ArrayList<>();
        if (value instanceof Value.MapValue map) {
            map.entries().forEach((key, element) -> iterations.add(Iteration.keyed(key, element)));
        }
        else if (value instanceof Value.ObjectValue object) {
            object.attributes().forEach((key, element) -> iterations.add(Iteration.keyed(key, element)));
        }
        else if (value instanceof Value.SetValue set) {
            for (Value element : set.elements()) {
                if (!(element instanceof Value.StringValue string)) {
                    diagnostics.add(Diagnostic.error(
                            "Invalid for_each set argument",
                            "The given \"for_each\" argument value is unsuitable: \"for_each\" supports maps and sets of strings, but you have "
                                    + "provided a set containing type " + element.type().friendlyName() + ".",
                            attribute.expression().range()));
                    return Optional.empty();
                }
                iterations.add(Iteration.keyed(string.value(), string));
            }
        }
        else {
            return unsuitable(attribute, value, diagnostics);
        }
        return Optional.of(iterations);
    }

    private static Optional<List<Iteration>> unsuitable(Attribute attribute, Value value, Diagnostics diagnostics)
    {
        return fail(FOR_EACH, "The given \"for_each\" argument value is unsuitable: the \"for_each\" argument must be a map, or set of "
                + "strings, and you have provided a value of type " + value.type().friendlyName() + ". To use a list of strings, "
                + "convert it with toset().", attribute, diagnostics);
    }

    private static Optional<List<Iteration>> fail(String summary, String detail, Attribute attribute, Diagnostics diagnostics)
    {
        diagnostics.add(Diagnostic.error(summary, detail, attribute.expression().range()));
        return Optional.empty();
    }
}
