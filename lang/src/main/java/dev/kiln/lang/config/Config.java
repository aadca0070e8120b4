package dev.kiln.lang.config;

import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.config.model.Model;
import dev.kiln.lang.config.schema.DecodedBlock;
import dev.kiln.lang.config.schema.DecodedInstance;
import dev.kiln.lang.value.Value;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * A valid configuration: the input variables' values, local values and outputs (by name),
 * the typed {@link Model}, every resource instance decoded (by address), the dependencies
 * between resources (each resource, without instance key, to the resources it refers to
 * anywhere: arguments, local values, {@code count}/{@code for_each}, {@code depends_on}), the
 * provider configurations, and the SHA-256 of the sources, which plan files bind to.
 */
public record Config(
        SortedMap<String, Variable> variables,
        SortedMap<String, Value> locals,
        SortedMap<String, Output> outputs,
        Model model,
        List<DecodedInstance> resources,
        SortedMap<ResourceAddress, SortedSet<ResourceAddress>> dependencies,
        List<DecodedBlock> providers,
        String sourceHash)
{
    public Config
    {
        variables = Collections.unmodifiableSortedMap(new TreeMap<>(variables));
        locals = Collections.unmodifiableSortedMap(new TreeMap<>(locals));
        outputs = Collections.unmodifiableSortedMap(new TreeMap<>(outputs));
        requireNonNull(model, "model is null");
        resources = resources.stream()
                .sorted((left, right) -> left.address().compareTo(right.address()))
                .toList();
        TreeMap<ResourceAddress, SortedSet<ResourceAddress>> copy = new TreeMap<>();
        dependencies.forEach((resource, targets) -> copy.put(resource, Collections.unmodifiableSortedSet(new TreeSet<>(targets))));
        dependencies = Collections.unmodifiableSortedMap(copy);
        providers = List.copyOf(providers);
        requireNonNull(sourceHash, "sourceHash is null");
    }

    public Optional<DecodedInstance> resource(ResourceAddress address)
    {
        return resources.stream().filter(instance -> instance.address().equals(address)).findFirst();
    }
}
