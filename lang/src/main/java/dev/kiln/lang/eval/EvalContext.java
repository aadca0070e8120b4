package dev.kiln.lang.eval;

import dev.kiln.lang.value.Value;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * The names visible to an expression: variables ({@code var}, {@code local}, {@code each},
 * resource types …, each an object value) and functions. Child contexts add iteration
 * variables of {@code for} expressions and template directives.
 */
public final class EvalContext
{
    private final Map<String, Value> variables;
    private final Map<String, Function> functions;
    private final EvalContext parent;

    private EvalContext(Map<String, Value> variables, Map<String, Function> functions, EvalContext parent)
    {
        this.variables = Map.copyOf(requireNonNull(variables, "variables is null"));
        this.functions = Map.copyOf(requireNonNull(functions, "functions is null"));
        this.parent = parent;
    }

    public static EvalContext of(Map<String, Value> variables, Map<String, Function> functions)
    {
        return new EvalContext(variables, functions, null);
    }

    public EvalContext child(Map<String, Value> variables)
    {
        return new EvalContext(variables, Map.of(), this);
    }

    public Optional<Value> variable(String name)
    {
        Value value = variables.get(name);
        if (value != null) {
            return Optional.of(value);
        }
        return parent == null ? Optional.empty() : parent.variable(name);
    }

    public Optional<Function> function(String name)
    {
        Function function = functions.get(name);
        if (function != null) {
            return Optional.of(function);
        }
        return parent == null ? Optional.empty() : parent.function(name);
    }

    public Set<String> variableNames()
    {
        Set<String> names = parent == null ? new TreeSet<>() : new TreeSet<>(parent.variableNames());
        names.addAll(variables.keySet());
        return names;
    }

    public Set<String> functionNames()
    {
        Set<String> names = parent == null ? new TreeSet<>() : new TreeSet<>(parent.functionNames());
        names.addAll(functions.keySet());
        return names;
    }
}
