package dev.kiln.lang.config;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * The names an expression may refer to: the declared input variables, local values and
 * resources (by type, then name), and which iteration object ({@code count}, {@code each})
 * the enclosing block provides.
 */
record Scope(Set<String> variables, Set<String> locals, SortedMap<String, SortedMap<String, ResourceDeclaration>> resources, Expansion iteration)
{
    Scope
    {
        variables = Set.copyOf(variables);
        locals = Set.copyOf(locals);
        TreeMap<String, SortedMap<String, ResourceDeclaration>> copy = new TreeMap<>();
        resources.forEach((type, byName) -> copy.put(type, new TreeMap<>(byName)));
        resources = copy;
        requireNonNull(iteration, "iteration is null");
    }

    Scope withIteration(Expansion iteration)
    {
        return new Scope(variables, locals, resources, iteration);
    }

    Optional<ResourceDeclaration> resource(String type, String name)
    {
        return Optional.ofNullable(resources.getOrDefault(type, new TreeMap<>()).get(name));
    }

    Set<String> resourceNames(String type)
    {
        return resources.getOrDefault(type, new TreeMap<>()).keySet();
    }

    static Scope of(Set<String> variables, Set<String> locals, Map<String, ? extends Map<String, ResourceDeclaration>> resources)
    {
        TreeMap<String, SortedMap<String, ResourceDeclaration>> copy = new TreeMap<>();
        resources.forEach((type, byName) -> copy.put(type, new TreeMap<>(byName)));
        return new Scope(variables, locals, copy, Expansion.SINGLE);
    }
}
