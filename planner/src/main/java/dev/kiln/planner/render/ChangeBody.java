package dev.kiln.planner.render;

import dev.kiln.lang.value.Value;
import dev.kiln.planner.diff.StateValues;
import dev.kiln.planner.diff.ValueChanges;
import dev.kiln.planner.plan.Action;
import dev.kiln.state.AttributePath;
import dev.kiln.state.PathStep;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * The body of one change in the text rendering: {@code ~ cluster "prod" {}} with one line per
 * shown attribute, its symbol in a right-aligned column of three, names aligned per level,
 * unchanged attributes hidden with a count, and {@code # forces replacement} on the
 * attributes that force one.
 */
final class ChangeBody
{
    private enum Kind
    {
        ADD,
        REMOVE,
        CHANGE,
    }

    private record Entry(String name, Kind kind, Value before, Value after, List<PathStep> path) {}

    private final Style style;
    private final List<AttributePath> replacePaths;
    private final List<String> lines = new ArrayList<>();

    private ChangeBody(Style style, List<AttributePath> replacePaths)
    {
        this.style = style;
        this.replacePaths = replacePaths;
    }

    static List<String> render(Action action, String type, String name, Optional<Value> before, Optional<Value> after, List<AttributePath> replacePaths, Style style)
    {
        ChangeBody body = new ChangeBody(style, replacePaths);
        body.line(0, action, type + " " + Value.string(name).toSourceForm() + " {");
        body.entries(4, before.flatMap(Value::asMapping).orElse(null), after.flatMap(Value::asMapping).orElse(null), false, List.of());
        body.lines.add("    }");
        return body.lines;
    }

    private void entries(int indent, SortedMap<String, Value> before, SortedMap<String, Value> after, boolean quoted, List<PathStep> path)
    {
        TreeSet<String> names = new TreeSet<>();
        if (before != null) {
            names.addAll(before.keySet());
        }
        if (after != null) {
            names.addAll(after.keySet());
        }
        List<Entry> shown = new ArrayList<>();
        int unchanged = 0;
        for (String name : names) {
            Value beforeValue = before == null ? null : before.get(name);
            Value afterValue = after == null ? null : after.get(name);
            boolean beforeAbsent = beforeValue == null || (beforeValue.isNull() && !beforeValue.sensitive());
            boolean afterAbsent = afterValue == null || (afterValue.isNull() && !afterValue.sensitive());
            boolean bothNull = beforeValue != null && afterValue != null && beforeValue.isNull() && afterValue.isNull();
            if ((beforeAbsent && afterAbsent) || bothNull) {
                continue;
            }
            List<PathStep> childPath = append(path, quoted ? new PathStep.Key(name) : new PathStep.Attribute(name));
            if (beforeAbsent) {
                shown.add(new Entry(name, Kind.ADD, null, afterValue, childPath));
            }
            else if (afterAbsent) {
                shown.add(new Entry(name, Kind.REMOVE, beforeValue, null, childPath));
            }
            else if (same(beforeValue, afterValue)) {
                unchanged++;
            }
            else {
                shown.add(new Entry(name, Kind.CHANGE, beforeValue, afterValue, childPath));
            }
        }
        int width = shown.stream().mapToInt(entry -> ValueText.key(entry.name(), quoted).length()).max().orElse(0);
        for (Entry entry : shown) {
            String prefix = pad(ValueText.key(entry.name(), quoted), width) + " = ";
            switch (entry.kind()) {
                case ADD -> value(indent, Action.CREATE, prefix, entry.after(), entry.path());
                case REMOVE -> value(indent, Action.DELETE, prefix, entry.before(), entry.path());
                case CHANGE -> change(indent, prefix, entry);
            }
        }
        if (unchanged > 0) {
            String noun = quoted ? "element" : "attribute";
            lines.add(" ".repeat(indent + 4) + "# (" + unchanged + " unchanged " + noun + (unchanged == 1 ? "" : "s") + " hidden)");
        }
    }

    private void change(int indent, String prefix, Entry entry)
    {
        Value before = entry.before();
        Value after = entry.after();
        boolean hidden = before.sensitive() || after.sensitive();
        Optional<SortedMap<String, Value>> beforeEntries = before.asMapping();
        Optional<SortedMap<String, Value>> afterEntries = after.asMapping();
        if (!hidden && beforeEntries.isPresent() && afterEntries.isPresent()) {
            line(indent, Action.UPDATE, prefix + "{" + forcesReplacement(entry.path()));
            entries(indent + 4, beforeEntries.get(), afterEntries.get(), after instanceof Value.MapValue, entry.path());
            lines.add(" ".repeat(indent + 4) + "}");
            return;
        }
        Optional<List<Value>> beforeElements = before.asSequence();
        Optional<List<Value>> afterElements = after.asSequence();
        if (!hidden && beforeElements.isPresent() && afterElements.isPresent()) {
            line(indent, Action.UPDATE, prefix + "[" + forcesReplacement(entry.path()));
            Set<String> beforeTexts = comparableTexts(beforeElements.get());
            Set<String> afterTexts = comparableTexts(afterElements.get());
            for (Value removed : beforeElements.get()) {
                if (!contains(afterTexts, afterElements.get(), removed)) {
                    element(indent + 4, Action.DELETE, removed);
                }
            }
            int unchanged = 0;
            for (Value element : afterElements.get()) {
                boolean kept = contains(beforeTexts, beforeElements.get(), element);
                if (kept && (element.asMapping().isPresent() || element.asSequence().isPresent())) {
                    unchanged++;
                    continue;
                }
                unchangedElements(indent + 4, unchanged);
                unchanged = 0;
                element(indent + 4, kept ? Action.NO_OP : Action.CREATE, element);
            }
            unchangedElements(indent + 4, unchanged);
            lines.add(" ".repeat(indent + 4) + "]");
            return;
        }
        String text = hidden ? ValueText.SENSITIVE : ValueText.inline(before) + " -> " + ValueText.inline(after);
        line(indent, Action.UPDATE, prefix + text + forcesReplacement(entry.path()));
    }

    /** A run of kept collection elements (a node's whole object, say), as a count; kept plain elements stay shown for context. */
    private void unchangedElements(int indent, int count)
    {
        if (count > 0) {
            lines.add(" ".repeat(indent + 4) + "# (" + count + " unchanged element" + (count == 1 ? "" : "s") + " hidden)");
        }
    }

    /**
     * The texts of the wholly known, non-sensitive elements, as state records them (JSON):
     * equal texts mean equal data, also for a map read back from state as an object.
     */
    private static Set<String> comparableTexts(List<Value> elements)
    {
        Set<String> texts = new HashSet<>();
        for (Value element : elements) {
            if (element.isWhollyKnown() && !element.containsSensitive()) {
                texts.add(comparableText(element));
            }
        }
        return texts;
    }

    private static String comparableText(Value element)
    {
        return StateValues.attributes(element).toString();
    }

    /** Whether {@code element} is among {@code elements}: by text when it can be, one by one for sensitive elements. */
    private static boolean contains(Set<String> texts, List<Value> elements, Value element)
    {
        if (!element.isWhollyKnown()) {
            return false;
        }
        if (!element.containsSensitive()) {
            return texts.contains(comparableText(element));
        }
        return elements.stream().anyMatch(candidate -> same(candidate, element));
    }

    private void element(int indent, Action action, Value element)
    {
        leaves(indent, action, "", element, "");
        int last = lines.size() - 1;
        lines.set(last, lines.get(last) + ",");
    }

    /**
     * A whole value added, removed or kept: nested objects and lists spelled out, one line per
     * leaf. A removed attribute ends in {@code -> null}, once, after its value or its closing
     * bracket.
     */
    private void value(int indent, Action action, String prefix, Value value, List<PathStep> path)
    {
        int first = lines.size();
        leaves(indent, action, prefix, value, path.isEmpty() ? "" : forcesReplacement(path));
        if (action == Action.DELETE && !prefix.isEmpty()) {
            int last = lines.size() - 1;
            String line = lines.get(last);
            int comment = line.indexOf(" # forces replacement");
            lines.set(last, comment >= 0 && last == first
                    ? line.substring(0, comment) + " -> null" + line.substring(comment)
                    : line + " -> null");
        }
    }

    private void leaves(int indent, Action action, String prefix, Value value, String replacement)
    {
        if (value.sensitive() || !value.isKnown()) {
            line(indent, action, prefix + ValueText.inline(value) + replacement);
            return;
        }
        Optional<SortedMap<String, Value>> entries = value.asMapping();
        Optional<List<Value>> elements = value.asSequence();
        if (entries.isPresent() && !entries.get().isEmpty()) {
            line(indent, action, prefix + "{" + replacement);
            boolean quoted = value instanceof Value.MapValue;
            SortedMap<String, Value> children = entries.get();
            int width = children.entrySet().stream()
                    .filter(child -> !child.getValue().isNull() || child.getValue().sensitive())
                    .mapToInt(child -> ValueText.key(child.getKey(), quoted).length()).max().orElse(0);
            children.forEach((name, child) -> {
                if (!child.isNull() || child.sensitive()) {
                    leaves(indent + 4, action, pad(ValueText.key(name, quoted), width) + " = ", child, "");
                }
            });
            lines.add(" ".repeat(indent + 4) + "}");
            return;
        }
        if (elements.isPresent() && !elements.get().isEmpty()) {
            line(indent, action, prefix + "[" + replacement);
            for (Value element : elements.get()) {
                leaves(indent + 4, action, "", element, "");
                int last = lines.size() - 1;
                lines.set(last, lines.get(last) + ",");
            }
            lines.add(" ".repeat(indent + 4) + "]");
            return;
        }
        line(indent, action, prefix + ValueText.inline(value) + replacement);
    }

    private String forcesReplacement(List<PathStep> path)
    {
        return !path.isEmpty() && replacePaths.contains(new AttributePath(path)) ? " # forces replacement" : "";
    }

    private void line(int indent, Action action, String text)
    {
        lines.add(" ".repeat(indent) + style.action(action, pad3(action.symbol())) + " " + text);
    }

    private static boolean same(Value left, Value right)
    {
        return ValueChanges.changedPaths(left, right).isEmpty();
    }

    private static String pad3(String symbol)
    {
        return " ".repeat(3 - symbol.length()) + symbol;
    }

    private static String pad(String text, int width)
    {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }

    private static List<PathStep> append(List<PathStep> path, PathStep step)
    {
        List<PathStep> longer = new ArrayList<>(path);
        longer.add(step);
        return longer;
    }
}
