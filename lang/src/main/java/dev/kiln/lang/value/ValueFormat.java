package dev.kiln.lang.value;

import java.util.stream.Collectors;

/** Renders values as HCL source, for messages, traversals and tests. Never for sensitive output. */
final class ValueFormat
{
    private ValueFormat() {}

    static String sourceForm(Value value)
    {
        return switch (value) {
            case Value.StringValue string -> quote(string.value());
            case Value.NumberValue number -> number.value().toPlainString();
            case Value.BoolValue bool -> Boolean.toString(bool.value());
            case Value.Null ignored -> "null";
            case Value.Unknown ignored -> "(known after apply)";
            case Value.ListValue list -> "[" + list.elements().stream().map(ValueFormat::sourceForm).collect(Collectors.joining(", ")) + "]";
            case Value.SetValue set -> "[" + set.elements().stream().map(ValueFormat::sourceForm).collect(Collectors.joining(", ")) + "]";
            case Value.TupleValue tuple -> "[" + tuple.elements().stream().map(ValueFormat::sourceForm).collect(Collectors.joining(", ")) + "]";
            case Value.MapValue map -> "{" + map.entries().entrySet().stream()
                    .map(entry -> quote(entry.getKey()) + " = " + sourceForm(entry.getValue()))
                    .collect(Collectors.joining(", ")) + "}";
            case Value.ObjectValue object -> "{" + object.attributes().entrySet().stream()
                    .map(entry -> quote(entry.getKey()) + " = " + sourceForm(entry.getValue()))
                    .collect(Collectors.joining(", ")) + "}";
        };
    }

    static String quote(String text)
    {
        StringBuilder builder = new StringBuilder("\"");
        text.codePoints().forEach(codePoint -> {
            switch (codePoint) {
                case '"' -> builder.append("\\\"");
                case '\\' -> builder.append("\\\\");
                case '\n' -> builder.append("\\n");
                case '\r' -> builder.append("\\r");
                case '\t' -> builder.append("\\t");
                default -> {
                    if (codePoint < 0x20) {
                        builder.append(String.format("\\u%04x", codePoint));
                    }
                    else {
                        builder.appendCodePoint(codePoint);
                    }
                }
            }
        });
        return builder.append('"').toString();
    }
}
