package dev.kiln.planner.render;

import dev.kiln.lang.value.Value;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Values on one line, as the text rendering shows them: sensitive parts hidden, unknown parts known after apply. */
final class ValueText
{
    static final String SENSITIVE = "(sensitive value)";
    static final String UNKNOWN = "(known after apply)";

    private ValueText() {}

    static String inline(Value value)
    {
        if (value.sensitive()) {
            return SENSITIVE;
        }
        return switch (value) {
            case Value.Unknown ignored -> UNKNOWN;
            case Value.ObjectValue object -> entries(object.attributes(), false);
            case Value.MapValue map -> entries(map.entries(), true);
            case Value.ListValue list -> elements(list.elements());
            case Value.SetValue set -> elements(set.elements());
            case Value.TupleValue tuple -> elements(tuple.elements());
            case Value.StringValue ignored -> value.withSensitive(false).toSourceForm();
            case Value.NumberValue ignored -> value.withSensitive(false).toSourceForm();
            case Value.BoolValue ignored -> value.withSensitive(false).toSourceForm();
            case Value.Null ignored -> "null";
        };
    }

    /** An object attribute's name as written, or a map key quoted. */
    static String key(String name, boolean quoted)
    {
        return quoted ? Value.string(name).toSourceForm() : name;
    }

    private static String entries(Map<String, Value> entries, boolean quoted)
    {
        if (entries.isEmpty()) {
            return "{}";
        }
        return "{ " + entries.entrySet().stream()
                .map(entry -> key(entry.getKey(), quoted) + " = " + inline(entry.getValue()))
                .collect(Collectors.joining(", ")) + " }";
    }

    private static String elements(List<Value> elements)
    {
        return "[" + elements.stream().map(ValueText::inline).collect(Collectors.joining(", ")) + "]";
    }
}
