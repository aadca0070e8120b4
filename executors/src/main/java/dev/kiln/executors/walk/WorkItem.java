package dev.kiln.executors.walk;

import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * One vertex of a walk: its id, the ids it depends on (they must all succeed before it starts),
 * the bounds it holds while it runs, and its action.
 */
public record WorkItem<K, V>(K id, Set<K> dependsOn, Set<Bound> bounds, Action<V> action)
{
    public WorkItem
    {
        requireNonNull(id, "id is null");
        dependsOn = Set.copyOf(requireNonNull(dependsOn, "dependsOn is null"));
        bounds = Set.copyOf(requireNonNull(bounds, "bounds is null"));
        requireNonNull(action, "action is null");
    }

    public static <K, V> WorkItem<K, V> of(K id, Set<K> dependsOn, Action<V> action)
    {
        return new WorkItem<>(id, dependsOn, Set.of(), action);
    }

    @Override
    public String toString()
    {
        return "WorkItem[" + id + "]";
    }
}
