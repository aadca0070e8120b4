package dev.kiln.planner.planfile;

import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.value.Value;
import dev.kiln.planner.plan.Plan;
import dev.kiln.planner.plan.ResourceChange;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * Gives a saved plan its sensitive values back before it is applied. A plan file that is not
 * encrypted leaves them out (they read back as placeholders or as unknown), so the apply
 * evaluates the configuration again, on the same state and with the same variables, and takes
 * each sensitive part of a change from the same place in that fresh plan. Everything else
 * stays exactly as saved. A sensitive part the fresh plan does not know either (a value the
 * driver computes) stays unknown, for the driver to fill.
 */
public final class SensitiveRefill
{
    private SensitiveRefill() {}

    /** The saved plan with the sensitive parts of its changes taken from {@code fresh}. */
    public static Plan refill(Plan saved, Plan fresh)
    {
        requireNonNull(saved, "saved is null");
        requireNonNull(fresh, "fresh is null");
        Map<ResourceAddress, ResourceChange> freshChanges = fresh.changes().stream()
                .collect(Collectors.toMap(ResourceChange::address, Function.identity(), (first, second) -> first));
        List<ResourceChange> changes = new ArrayList<>();
        for (ResourceChange change : saved.changes()) {
            ResourceChange counterpart = freshChanges.get(change.address());
            changes.add(counterpart == null ? change : refill(change, counterpart));
        }
        return new Plan(saved.mode(), changes, saved.outputChanges(), saved.drift(), saved.targets(), saved.warnings(), saved.priorState(),
                saved.configHash(), saved.variables());
    }

    /** Whether any change of the plan holds a sensitive part, so it may need {@link #refill}. */
    public static boolean needed(Plan saved)
    {
        return saved.changes().stream()
                .anyMatch(change -> change.before().map(Value::containsSensitive).orElse(false) || change.after().map(Value::containsSensitive).orElse(false));
    }

    private static ResourceChange refill(ResourceChange change, ResourceChange fresh)
    {
        return new ResourceChange(change.address(), change.provider(), change.action(), change.actionReason(),
                refill(change.before(), fresh.before()), refill(change.after(), fresh.after()),
                change.replacePaths(), change.steps(), change.forbiddenReason());
    }

    private static Optional<Value> refill(Optional<Value> saved, Optional<Value> fresh)
    {
        if (saved.isEmpty() || fresh.isEmpty()) {
            return saved;
        }
        return Optional.of(refill(saved.get(), fresh.get()));
    }

    static Value refill(Value saved, Value fresh)
    {
        if (saved.sensitive()) {
            return fresh.withSensitive(true);
        }
        if (!saved.containsSensitive()) {
            return saved;
        }
        return switch (saved) {
            case Value.ObjectValue object when fresh instanceof Value.ObjectValue other -> Value.object(entries(object.attributes(), other.attributes()));
            case Value.MapValue map when fresh instanceof Value.MapValue other -> Value.map(map.elementType(), entries(map.entries(), other.entries()));
            case Value.ListValue list when fresh instanceof Value.ListValue other -> Value.list(list.elementType(), elements(list.elements(), other.elements()));
            case Value.TupleValue tuple when fresh instanceof Value.TupleValue other -> Value.tuple(elements(tuple.elements(), other.elements()));
            default -> saved;
        };
    }

    private static Map<String, Value> entries(Map<String, Value> saved, Map<String, Value> fresh)
    {
        TreeMap<String, Value> entries = new TreeMap<>();
        saved.forEach((name, value) -> entries.put(name, fresh.containsKey(name) ? refill(value, fresh.get(name)) : value));
        return entries;
    }

    private static List<Value> elements(List<Value> saved, List<Value> fresh)
    {
        List<Value> elements = new ArrayList<>();
        for (int index = 0; index < saved.size(); index++) {
            elements.add(index < fresh.size() ? refill(saved.get(index), fresh.get(index)) : saved.get(index));
        }
        return elements;
    }
}
