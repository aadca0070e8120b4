package dev.kiln.providers.sim;

import dev.kiln.lang.value.Value;

import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.Function;

/**
 * Fills in what a cluster's or worker pool's planned value holds of other resources that
 * were only known after their own apply — its nodes' host names and facts, its registry's
 * address, its backup point's location — from the objects the simulated datacenter holds.
 */
final class References
{
    private References() {}

    static Value resolve(Value cluster, Datacenter datacenter)
    {
        if (cluster.isWhollyKnown()) {
            return cluster;
        }
        Value resolved = cluster;
        Optional<Value> controlPlane = ValueParts.attribute(resolved, "control_plane");
        if (controlPlane.isPresent() && !controlPlane.get().isNull() && controlPlane.get().isKnown()) {
            resolved = ValueParts.with(resolved, "control_plane", nodes(controlPlane.get(), datacenter));
        }
        Optional<Value> registry = ValueParts.attribute(resolved, "registry");
        if (registry.isPresent() && !registry.get().isWhollyKnown()) {
            resolved = ValueParts.with(resolved, "registry", matching(registry.get(), datacenter.registries().stream()
                    .map(PlainObservation::registry)
                    .flatMap(Optional::stream)
                    .toList()));
        }
        Optional<Value> backup = ValueParts.attribute(resolved, "backup");
        Optional<Value> point = backup.flatMap(block -> ValueParts.attribute(block, "point"));
        if (point.isPresent() && !point.get().isWhollyKnown()) {
            Value found = matching(point.get(), datacenter.backupPoints().stream()
                    .map(PlainObservation::backupPoint)
                    .flatMap(Optional::stream)
                    .toList());
            resolved = ValueParts.with(resolved, "backup", ValueParts.with(backup.get(), "point", found));
        }
        return resolved;
    }

    static Value resolvePool(Value pool, Datacenter datacenter)
    {
        return pool.isWhollyKnown() ? pool : nodes(pool, datacenter);
    }

    private static Value nodes(Value group, Datacenter datacenter)
    {
        Optional<Value> nodes = ValueParts.attribute(group, "nodes");
        if (nodes.isEmpty() || nodes.get().isWhollyKnown() || nodes.get().asSequence().isEmpty()) {
            return group;
        }
        Function<Value, Value> resolveNode = element -> {
            if (element.isWhollyKnown()) {
                return element;
            }
            return ValueParts.string(element, "address")
                    .flatMap(datacenter::machineAt)
                    .flatMap(NodeObservation::observe)
                    .map(observed -> ValueParts.fill(element, observed))
                    .orElse(element);
        };
        List<Value> elements = nodes.get().asSequence().get().stream().map(resolveNode).toList();
        Value replaced;
        if (nodes.get() instanceof Value.ListValue list) {
            replaced = new Value.ListValue(list.elementType(), elements, list.sensitive());
        }
        else if (nodes.get() instanceof Value.SetValue set) {
            replaced = new Value.SetValue(set.elementType(), elements, set.sensitive());
        }
        else {
            replaced = new Value.TupleValue(elements, nodes.get().sensitive());
        }
        return ValueParts.with(group, "nodes", replaced);
    }

    /** The first candidate that agrees with every known part of {@code planned}, filled in; {@code planned} itself when none does. */
    private static Value matching(Value planned, List<Value> candidates)
    {
        return candidates.stream()
                .filter(candidate -> agrees(planned, candidate))
                .findFirst()
                .map(candidate -> ValueParts.fill(planned, candidate))
                .orElse(planned);
    }

    static boolean agrees(Value planned, Value candidate)
    {
        if (!planned.isKnown()) {
            return true;
        }
        Optional<SortedMap<String, Value>> plannedParts = planned.asMapping();
        if (plannedParts.isPresent()) {
            Optional<SortedMap<String, Value>> candidateParts = candidate.asMapping();
            return candidateParts.isPresent() && plannedParts.get().entrySet().stream()
                    .allMatch(entry -> candidateParts.get().containsKey(entry.getKey()) && agrees(entry.getValue(), candidateParts.get().get(entry.getKey())));
        }
        Optional<List<Value>> plannedElements = planned.asSequence();
        if (plannedElements.isPresent()) {
            Optional<List<Value>> candidateElements = candidate.asSequence();
            if (candidateElements.isEmpty() || candidateElements.get().size() != plannedElements.get().size()) {
                return false;
            }
            for (int index = 0; index < plannedElements.get().size(); index++) {
                if (!agrees(plannedElements.get().get(index), candidateElements.get().get(index))) {
                    return false;
                }
            }
            return true;
        }
        return planned.withSensitive(false).equals(candidate.withSensitive(false));
    }
}
