package dev.kiln.executors.walk;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * An immutable, validated set of work items: ids unique, every dependency known, no cycle, each
 * bound with one limit. Items are kept in the order of their ids. Ready items start critical
 * path first ({@link StartPriority}: the item with the longest chain of dependents waiting on
 * it), ties in id order, so runs are reproducible.
 */
public final class WalkGraph<K, V>
{
    private final List<WorkItem<K, V>> items;
    private final Map<K, Integer> indexById;
    private final int[][] dependencies;
    private final int[][] dependents;
    private final List<Bound> bounds;
    private final int[][] boundsByItem;
    private final int[] startRank;

    private WalkGraph(List<WorkItem<K, V>> items, Map<K, Integer> indexById, int[][] dependencies, List<Bound> bounds, int[][] boundsByItem)
    {
        this.items = List.copyOf(items);
        this.indexById = Map.copyOf(indexById);
        this.dependencies = dependencies;
        this.dependents = invert(dependencies);
        this.bounds = List.copyOf(bounds);
        this.boundsByItem = boundsByItem;
        this.startRank = StartPriority.ranks(dependencies, this.dependents);
    }

    /** Builds a graph whose items are ordered, and equally urgent ready items start, in the natural order of their ids. */
    public static <K extends Comparable<? super K>, V> WalkGraph<K, V> of(Collection<? extends WorkItem<K, V>> items)
    {
        return of(items, Comparator.naturalOrder());
    }

    /**
     * Builds a graph whose items are ordered, and equally urgent ready items start, in
     * {@code order}, which must tell every two ids apart. Throws {@link InvalidWalkGraphException} listing every problem.
     */
    public static <K, V> WalkGraph<K, V> of(Collection<? extends WorkItem<K, V>> items, Comparator<? super K> order)
    {
        requireNonNull(items, "items is null");
        requireNonNull(order, "order is null");
        List<WorkItem<K, V>> sorted = new ArrayList<>(items);
        sorted.forEach(item -> requireNonNull(item, "item is null"));
        sorted.sort(Comparator.comparing(WorkItem::id, order));

        List<String> problems = new ArrayList<>();
        Map<K, Integer> indexById = new HashMap<>();
        for (int index = 0; index < sorted.size(); index++) {
            K id = sorted.get(index).id();
            if (indexById.putIfAbsent(id, index) != null) {
                problems.add("item " + id + " is listed more than once");
            }
            else if (index > 0 && order.compare(sorted.get(index - 1).id(), id) == 0) {
                problems.add("items " + sorted.get(index - 1).id() + " and " + id + " are distinct but equal in the start order");
            }
        }
        int[][] dependencies = resolveDependencies(sorted, indexById, order, problems);
        Map<String, Bound> boundsByName = collectBounds(sorted, problems);
        if (problems.isEmpty()) {
            CycleFinder.cycles(dependencies).forEach(cycle -> problems.add("cycle: " + describe(cycle, sorted)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidWalkGraphException(problems);
        }
        List<Bound> bounds = List.copyOf(boundsByName.values());
        return new WalkGraph<>(sorted, indexById, dependencies, bounds, boundIndexes(sorted, bounds));
    }

    /** The items in start order. */
    public List<WorkItem<K, V>> items()
    {
        return items;
    }

    public int size()
    {
        return items.size();
    }

    public Optional<WorkItem<K, V>> item(K id)
    {
        Integer index = indexById.get(requireNonNull(id, "id is null"));
        return index == null ? Optional.empty() : Optional.of(items.get(index));
    }

    K id(int index)
    {
        return items.get(index).id();
    }

    WorkItem<K, V> item(int index)
    {
        return items.get(index);
    }

    int[] dependencies(int index)
    {
        return dependencies[index];
    }

    int[] dependents(int index)
    {
        return dependents[index];
    }

    List<Bound> bounds()
    {
        return bounds;
    }

    int[] bounds(int index)
    {
        return boundsByItem[index];
    }

    /** The item's position in start order (see {@link StartPriority}). */
    int startRank(int index)
    {
        return startRank[index];
    }

    private static <K, V> int[][] resolveDependencies(List<WorkItem<K, V>> sorted, Map<K, Integer> indexById, Comparator<? super K> order, List<String> problems)
    {
        int[][] dependencies = new int[sorted.size()][];
        for (int index = 0; index < sorted.size(); index++) {
            WorkItem<K, V> item = sorted.get(index);
            List<K> unknown = new ArrayList<>();
            dependencies[index] = item.dependsOn().stream()
                    .filter(dependency -> {
                        boolean known = indexById.containsKey(dependency);
                        if (!known) {
                            unknown.add(dependency);
                        }
                        return known;
                    })
                    .mapToInt(indexById::get)
                    .sorted()
                    .toArray();
            unknown.sort(order);
            unknown.forEach(dependency -> problems.add("item " + item.id() + " depends on unknown item " + dependency));
        }
        return dependencies;
    }

    private static <K, V> Map<String, Bound> collectBounds(List<WorkItem<K, V>> sorted, List<String> problems)
    {
        Map<String, Bound> boundsByName = new TreeMap<>();
        for (WorkItem<K, V> item : sorted) {
            for (Bound bound : item.bounds().stream().sorted().toList()) {
                Bound known = boundsByName.putIfAbsent(bound.name(), bound);
                if (known != null && known.limit() != bound.limit()) {
                    problems.add("item " + item.id() + " gives bound " + bound.name() + " limit " + bound.limit() + ", another item limit " + known.limit());
                }
            }
        }
        return boundsByName;
    }

    private static <K, V> int[][] boundIndexes(List<WorkItem<K, V>> sorted, List<Bound> bounds)
    {
        Map<String, Integer> indexByName = new HashMap<>();
        for (int index = 0; index < bounds.size(); index++) {
            indexByName.put(bounds.get(index).name(), index);
        }
        int[][] boundsByItem = new int[sorted.size()][];
        for (int index = 0; index < sorted.size(); index++) {
            boundsByItem[index] = sorted.get(index).bounds().stream()
                    .mapToInt(bound -> indexByName.get(bound.name()))
                    .distinct()
                    .sorted()
                    .toArray();
        }
        return boundsByItem;
    }

    private static int[][] invert(int[][] dependencies)
    {
        int[] counts = new int[dependencies.length];
        for (int[] itemDependencies : dependencies) {
            for (int dependency : itemDependencies) {
                counts[dependency]++;
            }
        }
        int[][] dependents = new int[dependencies.length][];
        for (int index = 0; index < dependencies.length; index++) {
            dependents[index] = new int[counts[index]];
            counts[index] = 0;
        }
        for (int index = 0; index < dependencies.length; index++) {
            for (int dependency : dependencies[index]) {
                dependents[dependency][counts[dependency]++] = index;
            }
        }
        return dependents;
    }

    private static <K, V> String describe(List<Integer> cycle, List<WorkItem<K, V>> sorted)
    {
        StringBuilder text = new StringBuilder();
        for (int index : cycle) {
            text.append(sorted.get(index).id()).append(" -> ");
        }
        return text.append(sorted.get(cycle.getFirst()).id()).toString();
    }
}
