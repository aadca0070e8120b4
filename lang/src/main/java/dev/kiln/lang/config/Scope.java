package dev.kiln.lang.config;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * The names an expression may refer to: the declared input variables, local values and
 * resources (by type, then name), and which iteration object ({@code count}, {@code each})
 * the enclosing block provides. Scopes differing only in iteration share their declarations.
 */
final class Scope
{
    private final Set<String> variables;
    private final Set<String> locals;
    private final SortedMap<String, SortedMap<String, ResourceDeclaration>> resources;
    private final Expansion iteration;

    private Scope(Set<String> variables, Set<String> locals, SortedMap<String, SortedMap<String, ResourceDeclaration>> resources, Expansion iteration)
    {
        this.variables = variables;
        this.locals = locals;
        this.resources = resources;
        this.iteration = requireNonNull(iteration, "iteration is null");
    }

    static Scope of(Set<String> variables, Set<String> locals, Map<String, ? extends Map<String, ResourceDeclaration>> resources)
    {
        TreeMap<String, SortedMap<String, ResourceDeclaration>> copy = new TreeMap<>();
        resources.forEach((type, byName) -> copy.put(type, Collections.unmodifiableSortedMap(new TreeMap<>(byName))));
        return new Scope(Set.copyOf(variables), Set.copyOf(locals), Collections.unmodifiableSortedMap(copy), Expansion.SINGLE);
    }

    Scope withIteration(Expansion iteration)
    {
        return new Scope(variables, locals, resources, iteration);
    }

    Set<String> variables()
    {
        return variables;
    }

    Set<String> locals()
    {
        return locals;
    }

    SortedMap<String, SortedMap<String, ResourceDeclaration>> resources()
    {
        return resources;
    }

    Expansion iteration()
    {
        return iteration;
    }

    Optional<ResourceDeclaration> resource(String type, String name)
    {
        SortedMap<String, ResourceDeclaration> byName = resources.get(type);
        return byName == null ? Optional.empty() : Optional.ofNullable(byName.get(name));
    }

    Set<String> resourceNames(String type)
    {
        SortedMap<String, ResourceDeclaration> byName = resources.get(type);
        return byName == null ? Set.of() : byName.keySet();
    }
}
