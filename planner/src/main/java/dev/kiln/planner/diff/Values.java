package dev.kiln.planner.diff;

import dev.kiln.lang.value.Value;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Small operations on values the differ needs. Data is compared as state records it, in
 * JSON: marks are ignored, lists, sets and tuples compare as sequences, maps and objects as
 * entries, and nulls of any type are equal; so a value read back from state equals the
 * configured one it was written from.
 */
final class Values
{
    private Values() {}

    /** Whether both are wholly known and hold the same data. */
    static boolean sameData(Value left, Value right)
    {
        if (!left.isKnown() || !right.isKnown()) {
            return false;
        }
        if (left.isNull() || right.isNull()) {
            return left.isNull() && right.isNull();
        }
        Optional<SortedMap<String, Value>> leftEntries = left.asMapping();
        Optional<SortedMap<String, Value>> rightEntries = right.asMapping();
        if (leftEntries.isPresent() || rightEntries.isPresent()) {
            return leftEntries.isPresent() && rightEntries.isPresent() && sameEntries(leftEntries.get(), rightEntries.get());
        }
        Optional<List<Value>> leftElements = left.asSequence();
        Optional<List<Value>> rightElements = right.asSequence();
        if (leftElements.isPresent() || rightElements.isPresent()) {
            return leftElements.isPresent() && rightElements.isPresent() && sameElements(leftElements.get(), rightElements.get());
        }
        return switch (left) {
            case Value.StringValue string -> right instanceof Value.StringValue other && string.value().equals(other.value());
            case Value.NumberValue number -> right instanceof Value.NumberValue other && number.value().compareTo(other.value()) == 0;
            case Value.BoolValue bool -> right instanceof Value.BoolValue other && bool.value() == other.value();
            case Value.Null ignored -> false;
            case Value.Unknown ignored -> false;
            case Value.ListValue ignored -> false;
            case Value.SetValue ignored -> false;
            case Value.TupleValue ignored -> false;
            case Value.MapValue ignored -> false;
            case Value.ObjectValue ignored -> false;
        };
    }

    private static boolean sameEntries(SortedMap<String, Value> left, SortedMap<String, Value> right)
    {
        if (left.size() != right.size()) {
            return false;
        }
        if (left.comparator() != null || right.comparator() != null) {
            return left.keySet().equals(right.keySet())
                    && left.entrySet().stream().allMatch(entry -> sameData(entry.getValue(), right.get(entry.getKey())));
        }
        // Both in natural key order: walk them side by side instead of looking up every key (a plan compares every attribute of every instance).
        Iterator<Map.Entry<String, Value>> rightEntries = right.entrySet().iterator();
        for (Map.Entry<String, Value> entry : left.entrySet()) {
            Map.Entry<String, Value> other = rightEntries.next();
            if (!entry.getKey().equals(other.getKey()) || !sameData(entry.getValue(), other.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameElements(List<Value> left, List<Value> right)
    {
        if (left.size() != right.size()) {
            return false;
        }
        for (int index = 0; index < left.size(); index++) {
            if (!sameData(left.get(index), right.get(index))) {
                return false;
            }
        }
        return true;
    }
}
