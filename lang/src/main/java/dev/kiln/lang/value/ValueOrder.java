package dev.kiln.lang.value;

import java.util.Comparator;

/**
 * The canonical order of set elements: known before unknown, then by type name, then
 * strings lexically, numbers numerically, false before true, and other values by their
 * source form. Deterministic, so sets render the same on every run.
 */
public final class ValueOrder
        implements Comparator<Value>
{
    public static final ValueOrder INSTANCE = new ValueOrder();

    private ValueOrder() {}

    @Override
    public int compare(Value left, Value right)
    {
        if (left.isKnown() != right.isKnown()) {
            return left.isKnown() ? -1 : 1;
        }
        if (left instanceof Value.StringValue a && right instanceof Value.StringValue b) {
            return a.value().compareTo(b.value());
        }
        if (left instanceof Value.NumberValue a && right instanceof Value.NumberValue b) {
            return a.value().compareTo(b.value());
        }
        if (left instanceof Value.BoolValue a && right instanceof Value.BoolValue b) {
            return Boolean.compare(a.value(), b.value());
        }
        int byType = left.type().friendlyName().compareTo(right.type().friendlyName());
        return byType != 0 ? byType : ValueFormat.sourceForm(left).compareTo(ValueFormat.sourceForm(right));
    }
}
