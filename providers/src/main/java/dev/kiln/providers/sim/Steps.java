package dev.kiln.providers.sim;

import dev.kiln.lang.value.Value;
import dev.kiln.planner.diff.ValueChanges;
import dev.kiln.state.AttributePath;
import dev.kiln.state.PathStep;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** Words for plan steps: values as an operator may see them (never a sensitive one), and what changed. */
final class Steps
{
    static final String SENSITIVE = "(sensitive value)";
    static final String UNKNOWN = "(known after apply)";

    private Steps() {}

    /** An attribute's value for a step: its text, or a placeholder when it is sensitive, unknown or absent. */
    static String shown(Value object, String name)
    {
        Optional<Value> value = ValueParts.attribute(object, name);
        if (value.isEmpty() || value.get().isNull()) {
            return "(none)";
        }
        if (value.get().containsSensitive() || object.sensitive()) {
            return SENSITIVE;
        }
        if (!value.get().isWhollyKnown()) {
            return UNKNOWN;
        }
        return ValueParts.text(value.get()).orElseGet(() -> value.get().toSourceForm());
    }

    /** The names of the top-level attributes whose data differ, sorted. */
    static List<String> changedAttributes(Value prior, Value planned)
    {
        TreeSet<String> names = new TreeSet<>();
        for (AttributePath path : ValueChanges.changedPaths(prior, planned)) {
            if (!path.steps().isEmpty() && path.steps().getFirst() instanceof PathStep.Attribute attribute) {
                names.add(attribute.name());
            }
        }
        return List.copyOf(names);
    }
}
