package dev.kiln.lang.config;

import dev.kiln.lang.ast.Traverser;
import dev.kiln.lang.eval.EvalContext;
import dev.kiln.lang.eval.Function;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The values expressions see, filled in as evaluation proceeds in dependency order:
 * {@code var}, {@code local}, {@code path} and one object per resource type. What is not
 * evaluated yet (or sits on a cycle) is unknown. Every reference to a local value or a
 * resource is a static traversal checked beforehand, so an expression's context holds just
 * the local values and resources it names: building it costs what the expression refers to,
 * not what the configuration declares.
 */
final class ScopeValues
{
    private static final Value PATH = Value.object(Map.of("module", Value.string("."), "root", Value.string(".")));

    private final EvalContext shared;
    private final SortedMap<String, Value> locals = new TreeMap<>();
    private final SortedMap<String, SortedMap<String, Value>> resources = new TreeMap<>();

    /** A failed variable (named in {@code failedVariables}) is unknown, of its declared type. */
    ScopeValues(SortedMap<String, Variable> variables, Set<String> failedVariables, Declarations declarations, Map<String, Function> functions)
    {
        Map<String, Value> values = new TreeMap<>();
        variables.forEach((name, variable) -> values.put(name, failedVariables.contains(name)
                ? Value.unknown(variable.type()).withSensitive(variable.sensitive())
                : variable.value()));
        declarations.locals().keySet().forEach(name -> locals.put(name, Value.unknown(Type.DYNAMIC)));
        declarations.resources().forEach((type, byName) -> {
            SortedMap<String, Value> resourceValues = new TreeMap<>();
            byName.keySet().forEach(name -> resourceValues.put(name, Value.unknown(Type.DYNAMIC)));
            resources.put(type, resourceValues);
        });
        Value empty = Value.object(Map.of());
        Map<String, Value> names = new HashMap<>();
        resources.keySet().forEach(type -> names.put(type, empty));
        names.put("var", Value.object(values));
        names.put("path", PATH);
        names.put("local", empty);
        this.shared = EvalContext.of(names, functions);
    }

    void local(String name, Value value)
    {
        locals.put(name, value);
    }

    void resource(String type, String name, Value value)
    {
        resources.get(type).put(name, value);
    }

    SortedMap<String, Value> locals()
    {
        return locals;
    }

    /**
     * The context for an expression making {@code references}, with the iteration's
     * {@code count} or {@code each}: a child of a context shared by every expression (the
     * variables, {@code path}, the functions and an empty object for {@code local} and each
     * resource type) holding only the local values and resources the expression names.
     */
    EvalContext context(Collection<StaticReference> references, Iteration iteration)
    {
        if (references.isEmpty()) {
            return iteration.values().isEmpty() ? shared : shared.child(iteration.values());
        }
        Map<String, Value> names = new HashMap<>(iteration.values());
        Map<String, Value> selectedLocals = new TreeMap<>();
        Map<String, Map<String, Value>> selectedResources = new HashMap<>();
        for (StaticReference reference : references) {
            List<Traverser> steps = reference.traversal().steps();
            if (steps.size() < 2 || !(steps.get(1) instanceof Traverser.Attribute attribute)) {
                continue;
            }
            String root = reference.rootName();
            if (root.equals("local") && locals.containsKey(attribute.name())) {
                selectedLocals.put(attribute.name(), locals.get(attribute.name()));
            }
            else if (resources.containsKey(root) && resources.get(root).containsKey(attribute.name())) {
                selectedResources.computeIfAbsent(root, type -> new TreeMap<>()).put(attribute.name(), resources.get(root).get(attribute.name()));
            }
        }
        if (!selectedLocals.isEmpty()) {
            names.put("local", Value.object(selectedLocals));
        }
        selectedResources.forEach((type, byName) -> names.put(type, Value.object(byName)));
        return names.isEmpty() ? shared : shared.child(names);
    }
}
