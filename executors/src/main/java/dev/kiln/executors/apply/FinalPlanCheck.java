package dev.kiln.executors.apply;

import dev.kiln.lang.value.Equality;
import dev.kiln.lang.value.Value;
import dev.kiln.planner.plan.Action;
import dev.kiln.planner.plan.ResourceChange;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Whether a change planned again at apply time keeps what the saved plan promised: the same
 * action, and every value that was known when planning unchanged (an unknown may become
 * anything). A broken promise names the first attribute that moved.
 */
final class FinalPlanCheck
{
    private FinalPlanCheck() {}

    /** The problem with {@code finalChange}, or empty when it is consistent with {@code planned}. */
    static Optional<String> problem(ResourceChange planned, ResourceChange finalChange)
    {
        if (finalChange.isForbidden()) {
            return Optional.of("the change is no longer allowed: " + finalChange.forbiddenReason().orElseThrow());
        }
        if (finalChange.action() != planned.action()) {
            return Optional.of("the plan was to %s it, but planning it again now would %s it"
                    .formatted(verb(planned.action()), verb(finalChange.action())));
        }
        if (planned.after().isEmpty() || finalChange.after().isEmpty()) {
            return planned.after().isPresent() == finalChange.after().isPresent()
                    ? Optional.empty()
                    : Optional.of("the planned value was " + (planned.after().isEmpty() ? "absent" : "present") + ", but is not any more");
        }
        return moved("", planned.after().get(), finalChange.after().get());
    }

    private static Optional<String> moved(String path, Value planned, Value finalValue)
    {
        if (!planned.isKnown()) {
            return Optional.empty();
        }
        if (planned.isNull() && finalValue.isNull()) {
            // A null is the same null whatever type it carries: an absent block referenced before its resource was applied has none yet.
            return Optional.empty();
        }
        Optional<SortedMap<String, Value>> plannedEntries = planned.asMapping();
        Optional<SortedMap<String, Value>> finalEntries = finalValue.asMapping();
        if (!equal(planned, finalValue) && plannedEntries.isPresent() && finalEntries.isPresent()
                && plannedEntries.get().keySet().equals(finalEntries.get().keySet())) {
            for (Map.Entry<String, Value> entry : plannedEntries.get().entrySet()) {
                String child = planned instanceof Value.ObjectValue
                        ? (path.isEmpty() ? entry.getKey() : path + "." + entry.getKey())
                        : path + "[\"" + entry.getKey() + "\"]";
                Optional<String> problem = moved(child, entry.getValue(), finalEntries.get().get(entry.getKey()));
                if (problem.isPresent()) {
                    return problem;
                }
            }
            return Optional.empty();
        }
        Optional<List<Value>> plannedElements = planned.asSequence();
        Optional<List<Value>> finalElements = finalValue.asSequence();
        if (!equal(planned, finalValue) && !(planned instanceof Value.SetValue) && plannedElements.isPresent() && finalElements.isPresent()
                && plannedElements.get().size() == finalElements.get().size()) {
            for (int index = 0; index < plannedElements.get().size(); index++) {
                Optional<String> problem = moved(path + "[" + index + "]", plannedElements.get().get(index), finalElements.get().get(index));
                if (problem.isPresent()) {
                    return problem;
                }
            }
            return Optional.empty();
        }
        if (!planned.isWhollyKnown()) {
            // A set, or a shape that changed: every known part must still be there as it was.
            return finalValue.isWhollyKnown() && planned.type().equals(finalValue.type()) && sameShape(planned, finalValue)
                    ? Optional.empty()
                    : changed(path, planned, finalValue);
        }
        return equal(planned, finalValue) ? Optional.empty() : changed(path, planned, finalValue);
    }

    /** Equal, wholly known values; sensitive marks do not count (comparing marked values gives a marked answer). */
    private static boolean equal(Value planned, Value finalValue)
    {
        return planned.isWhollyKnown() && Equality.equal(planned.unmarkedDeep(), finalValue.unmarkedDeep()) instanceof Value.BoolValue equal && equal.value();
    }

    private static boolean sameShape(Value planned, Value finalValue)
    {
        return planned instanceof Value.SetValue plannedSet && finalValue instanceof Value.SetValue finalSet
                && plannedSet.elements().stream().filter(Value::isWhollyKnown)
                        .allMatch(element -> finalSet.elements().stream().anyMatch(candidate -> equal(element, candidate)));
    }

    private static String verb(Action action)
    {
        return action == Action.NO_OP ? "leave" : action.name().toLowerCase(Locale.ROOT);
    }

    private static Optional<String> changed(String path, Value planned, Value finalValue)
    {
        String name = path.isEmpty() ? "the value" : "attribute \"" + path + "\"";
        if (planned.containsSensitive() || finalValue.containsSensitive()) {
            return Optional.of(name + " (sensitive) changed from its planned value");
        }
        return Optional.of("%s was planned as %s, but is now %s".formatted(name, planned.toSourceForm(), finalValue.toSourceForm()));
    }
}
