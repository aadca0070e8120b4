package dev.kiln.lang.config;

import dev.kiln.lang.eval.EvalContext;
import dev.kiln.lang.eval.Function;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;

import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The values expressions see, filled in as evaluation proceeds in dependency order:
 * {@code var}, {@code local}, {@code path} and one object per resource type. What is not
 * evaluated yet (or sits on a cycle) is unknown.
 */
final class ScopeValues
{
    private final Value variables;
    private final Map<String, Function> functions;
    private final SortedMap<String, Value> locals = new TreeMap<>();
    private final SortedMap<String, SortedMap<String, Value>> resources = new TreeMap<>();
    private EvalContext context;

    ScopeValues(SortedMap<String, Variable> variables, Declarations declarations, Map<String, Function> functions)
    {
        Map<String, Value> values = new TreeMap<>();
        variables.forEach((name, variable) -> values.put(name, variable.value()));
        this.variables = Value.object(values);
        this.functions = functions;
        declarations.locals().keySet().forEach(name -> locals.put(name, Value.unknown(Type.DYNAMIC)));
        declarations.resources().forEach((type, byName) -> {
            SortedMap<String, Value> resourceValues = new TreeMap<>();
            byName.keySet().forEach(name -> resourceValues.put(name, Value.unknown(Type.DYNAMIC)));
            resources.put(type, resourceValues);
        });
    }

    void local(String name, Value value)
    {
        locals.put(name, value);
        context = null;
    }

    void resource(String type, String name, Value value)
    {
        resources.get(type).put(name, value);
        context = null;
    }

    SortedMap<String, Value> locals()
    {
        return locals;
    }

    /** The context for expressions outside any iteration. */
    EvalContext context()
    {
        if (context == null) {
            Map<String, Value> names = new HashMap<>();
            names.put("var", variables);
            names.put("local", Value.object(locals));
            names.put("path", Value.object(Map.of("module", Value.string("."), "root", Value.string("."))));
            resources.forEach((type, byName) -> names.put(type, Value.object(byName)));
            context = EvalContext.of(names, functions);
        }
        return context;
    }

    EvalContext context(Iteration iteration)
    {
        return iteration.values().isEmpty() ? context() : context().child(iteration.values());
    }
}
