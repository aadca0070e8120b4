package dev.kiln.planner.diff;

import dev.kiln.lang.value.Value;
import dev.kiln.state.AttributePath;
import dev.kiln.state.PathStep;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * The paths at which two resource values differ: object attributes and map entries are
 * compared one by one, anything else as a whole, data as state records it (a tuple read
 * back from state equals the list it was written from). An unknown value differs from
 * everything (it is known only after apply); sensitive marks do not count as a difference.
 */
public final class ValueChanges
{
    private ValueChanges() {}

    /** The differing paths, sorted; empty when the values hold the same data. */
    public static List<AttributePath> changedPaths(Value before, Value after)
    {
        requireNonNull(before, "before is null");
        requireNonNull(after, "after is null");
        List<AttributePath> paths = new ArrayList<>();
        collect(List.of(), before, after, paths);
        return paths.stream().sorted().toList();
    }

    private static void collect(List<PathStep> path, Value before, Value after, List<AttributePath> paths)
    {
        Optional<SortedMap<String, Value>> beforeEntries = before.asMapping();
        Optional<SortedMap<String, Value>> afterEntries = after.asMapping();
        if (beforeEntries.isPresent() && afterEntries.isPresent()) {
            collectEntries(path, beforeEntries.get(), afterEntries.get(), after instanceof Value.ObjectValue, paths);
            return;
        }
        if (!Values.sameData(before, after)) {
            paths.add(path.isEmpty() ? AttributePath.attribute("*") : new AttributePath(path));
        }
    }

    private static void collectEntries(List<PathStep> path, SortedMap<String, Value> before, SortedMap<String, Value> after, boolean attributes, List<AttributePath> paths)
    {
        TreeSet<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        for (String name : names) {
            List<PathStep> child = new ArrayList<>(path);
            child.add(attributes ? new PathStep.Attribute(name) : new PathStep.Key(name));
            Value beforeValue = before.get(name);
            Value afterValue = after.get(name);
            if (beforeValue == null || afterValue == null) {
                paths.add(new AttributePath(child));
                continue;
            }
            collect(child, beforeValue, afterValue, paths);
        }
    }
}
