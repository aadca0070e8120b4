package dev.kiln.providers.capi;

import dev.kiln.lang.value.Value;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A pool that names its machines ({@code nodes = [node.host1, …]}, Bring Your Own Host): which
 * ones a change removes, and whether a Machine is one of them (by its node's name or its own).
 */
final class PoolMembers
{
    private static final List<String> NAME_ATTRIBUTES = List.of("node_name", "hostname", "name", "address");

    private PoolMembers() {}

    static List<String> removed(Optional<Value> prior, Value planned)
    {
        List<String> before = names(prior);
        List<String> after = names(Optional.of(planned));
        List<String> removed = new ArrayList<>(before);
        removed.removeAll(after);
        return List.copyOf(removed);
    }

    static boolean matches(GenericKubernetesResource machine, List<String> names)
    {
        Optional<String> node = ObjectFields.text(machine, "status", "nodeRef", "name");
        return node.map(names::contains).orElse(false) || names.contains(machine.getMetadata().getName());
    }

    private static List<String> names(Optional<Value> pool)
    {
        List<String> names = new ArrayList<>();
        pool.flatMap(value -> CapiValues.attribute(value, "nodes")).flatMap(Value::asSequence).orElse(List.of()).forEach(element -> {
            for (String attribute : NAME_ATTRIBUTES) {
                Optional<String> name = element instanceof Value.StringValue text ? Optional.of(text.value()) : CapiValues.string(element, attribute);
                if (name.isPresent()) {
                    names.add(name.get());
                    return;
                }
            }
        });
        return names;
    }
}
