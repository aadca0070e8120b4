package dev.kiln.lang.value;

import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The {@code ==} of HCL: values of different types are unequal, numbers compare by value,
 * collections and structurals compare deeply, two nulls are equal. An unknown anywhere that
 * could decide the answer makes the result an unknown bool; a sensitive operand (or a
 * sensitive part of one) makes the result sensitive.
 */
public final class Equality
{
    private Equality() {}

    /** A bool value (known or unknown) saying whether the two values are equal. */
    public static Value equal(Value left, Value right)
    {
        requireNonNull(left, "left is null");
        requireNonNull(right, "right is null");
        boolean sensitive = left.containsSensitive() || right.containsSensitive();
        Boolean result = compare(left, right);
        Value value = result == null ? Value.unknown(Type.BOOL) : Value.bool(result);
        return sensitive ? value.withSensitive(true) : value;
    }

    /** Whether two known values are equal, ignoring marks; null when unknowns leave it open. */
    private static Boolean compare(Value left, Value right)
    {
        if (!left.isKnown() || !right.isKnown()) {
            return null;
        }
        if (left.isNull() || right.isNull()) {
            return left.isNull() && right.isNull();
        }
        if (!left.type().equals(right.type())) {
            return false;
        }
        return switch (left) {
            case Value.StringValue string -> string.value().equals(((Value.StringValue) right).value());
            case Value.NumberValue number -> number.value().compareTo(((Value.NumberValue) right).value()) == 0;
            case Value.BoolValue bool -> bool.value() == ((Value.BoolValue) right).value();
            case Value.ListValue list -> compareSequences(list.elements(), ((Value.ListValue) right).elements());
            case Value.SetValue set -> compareSets(set, (Value.SetValue) right);
            case Value.TupleValue tuple -> compareSequences(tuple.elements(), ((Value.TupleValue) right).elements());
            case Value.MapValue map -> compareMappings(map.entries(), ((Value.MapValue) right).entries());
            case Value.ObjectValue object -> compareMappings(object.attributes(), ((Value.ObjectValue) right).attributes());
            case Value.Null ignored -> true;
            case Value.Unknown ignored -> null;
        };
    }

    private static Boolean compareSequences(List<Value> left, List<Value> right)
    {
        if (left.size() != right.size()) {
            return false;
        }
        boolean open = false;
        for (int index = 0; index < left.size(); index++) {
            Boolean element = compare(left.get(index), right.get(index));
            if (element == null) {
                open = true;
            }
            else if (!element) {
                return false;
            }
        }
        return open ? null : true;
    }

    private static Boolean compareSets(Value.SetValue left, Value.SetValue right)
    {
        if (!left.isWhollyKnown() || !right.isWhollyKnown()) {
            return null;
        }
        return compareSequences(left.elements().stream().map(Equality::unmarked).toList(),
                right.elements().stream().map(Equality::unmarked).toList());
    }

    private static Value unmarked(Value value)
    {
        return value.sensitive() ? value.withSensitive(false) : value;
    }

    private static Boolean compareMappings(Map<String, Value> left, Map<String, Value> right)
    {
        if (!left.keySet().equals(right.keySet())) {
            return false;
        }
        boolean open = false;
        for (Map.Entry<String, Value> entry : left.entrySet()) {
            Boolean element = compare(entry.getValue(), right.get(entry.getKey()));
            if (element == null) {
                open = true;
            }
            else if (!element) {
                return false;
            }
        }
        return open ? null : true;
    }
}
