package dev.kiln.lang.conformance;

import dev.kiln.lang.value.Value;

import java.math.MathContext;
import java.util.List;
import java.util.Map;

/**
 * Value comparison for the specification suite. HCL's reference implementation computes
 * with binary floating point of 512 bits (about 154 decimal digits), so the suite's expected
 * numbers carry its rounding error past that precision ({@code 11 % 5.1} is written as
 * {@code 0.8000…00024}); Kiln computes in decimal, so numbers are compared at 150
 * significant digits. Everything else must match exactly, marks included.
 */
final class SuiteValues
{
    private static final MathContext PRECISION = new MathContext(150);

    private SuiteValues() {}

    static boolean equivalent(Value expected, Value actual)
    {
        if (!expected.type().equals(actual.type()) || expected.sensitive() != actual.sensitive() || expected.isNull() != actual.isNull() || expected.isKnown() != actual.isKnown()) {
            return false;
        }
        return switch (expected) {
            case Value.NumberValue number -> number.value().round(PRECISION).compareTo(((Value.NumberValue) actual).value().round(PRECISION)) == 0;
            case Value.ListValue list -> all(list.elements(), ((Value.ListValue) actual).elements());
            case Value.SetValue set -> all(set.elements(), ((Value.SetValue) actual).elements());
            case Value.TupleValue tuple -> all(tuple.elements(), ((Value.TupleValue) actual).elements());
            case Value.MapValue map -> all(map.entries(), ((Value.MapValue) actual).entries());
            case Value.ObjectValue object -> all(object.attributes(), ((Value.ObjectValue) actual).attributes());
            default -> expected.equals(actual);
        };
    }

    private static boolean all(List<Value> expected, List<Value> actual)
    {
        if (expected.size() != actual.size()) {
            return false;
        }
        for (int index = 0; index < expected.size(); index++) {
            if (!equivalent(expected.get(index), actual.get(index))) {
                return false;
            }
        }
        return true;
    }

    private static boolean all(Map<String, Value> expected, Map<String, Value> actual)
    {
        return expected.keySet().equals(actual.keySet())
                && expected.entrySet().stream().allMatch(entry -> equivalent(entry.getValue(), actual.get(entry.getKey())));
    }
}
