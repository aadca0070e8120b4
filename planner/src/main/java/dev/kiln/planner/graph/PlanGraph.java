package dev.kiln.planner.graph;

import dev.kiln.lang.addr.ResourceAddress;
import org.jgrapht.Graph;
import org.jgrapht.Graphs;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * The resource instances of a plan and the order their actions run in. An edge
 * {@code a → b} means a's action must finish before b's starts: a dependency is created or
 * updated before what references it, and deleted after what referenced it. Separately,
 * {@link #dependencies} keeps what each instance references, for targeting. Every address
 * is either configured or recorded in state; {@link #deletes} says which are only recorded
 * (or all of them in a destroy plan).
 */
public final class PlanGraph
{
    private final Graph<ResourceAddress, Object> order;
    private final Map<ResourceAddress, SortedSet<ResourceAddress>> dependencies;
    private final Set<ResourceAddress> deletes;

    PlanGraph(Graph<ResourceAddress, Object> order, Map<ResourceAddress, SortedSet<ResourceAddress>> dependencies, Set<ResourceAddress> deletes)
    {
        this.order = order;
        this.dependencies = dependencies;
        this.deletes = deletes;
    }

    /** Every instance, sorted by address. */
    public SortedSet<ResourceAddress> addresses()
    {
        return Collections.unmodifiableSortedSet(new TreeSet<>(order.vertexSet()));
    }

    public int size()
    {
        return order.vertexSet().size();
    }

    public int edgeCount()
    {
        return order.edgeSet().size();
    }

    public boolean contains(ResourceAddress address)
    {
        return order.containsVertex(requireNonNull(address, "address is null"));
    }

    /** Whether the instance is planned for deletion by the graph's shape (an orphan, or a destroy plan). */
    public boolean deletes(ResourceAddress address)
    {
        return deletes.contains(requireNonNull(address, "address is null"));
    }

    /** The instances whose actions must finish before this one's starts, sorted. */
    public SortedSet<ResourceAddress> predecessors(ResourceAddress address)
    {
        return sorted(Graphs.predecessorListOf(order, checked(address)));
    }

    /** The instances whose actions wait for this one's, sorted. */
    public SortedSet<ResourceAddress> successors(ResourceAddress address)
    {
        return sorted(Graphs.successorListOf(order, checked(address)));
    }

    /** What the instance references (in configuration, or as recorded for an orphan), sorted. */
    public SortedSet<ResourceAddress> dependencies(ResourceAddress address)
    {
        return Collections.unmodifiableSortedSet(dependencies.getOrDefault(checked(address), new TreeSet<>()));
    }

    /** {@code roots} and everything they reference, directly or not. */
    public SortedSet<ResourceAddress> withDependencies(Collection<ResourceAddress> roots)
    {
        return closure(roots, address -> dependencies.getOrDefault(address, new TreeSet<>()));
    }

    /** {@code roots} and everything that references them, directly or not. */
    public SortedSet<ResourceAddress> withDependents(Collection<ResourceAddress> roots)
    {
        Map<ResourceAddress, Set<ResourceAddress>> dependents = new HashMap<>();
        dependencies.forEach((address, targets) -> targets.forEach(target -> dependents.computeIfAbsent(target, ignored -> new HashSet<>()).add(address)));
        return closure(roots, address -> dependents.getOrDefault(address, Set.of()));
    }

    private SortedSet<ResourceAddress> closure(Collection<ResourceAddress> roots, Function<ResourceAddress, Collection<ResourceAddress>> next)
    {
        Set<ResourceAddress> seen = new HashSet<>();
        Deque<ResourceAddress> pending = new ArrayDeque<>();
        for (ResourceAddress root : requireNonNull(roots, "roots is null")) {
            if (order.containsVertex(root) && seen.add(root)) {
                pending.add(root);
            }
        }
        while (!pending.isEmpty()) {
            for (ResourceAddress target : next.apply(pending.poll())) {
                if (order.containsVertex(target) && seen.add(target)) {
                    pending.add(target);
                }
            }
        }
        return Collections.unmodifiableSortedSet(new TreeSet<>(seen));
    }

    private ResourceAddress checked(ResourceAddress address)
    {
        requireNonNull(address, "address is null");
        if (!order.containsVertex(address)) {
            throw new IllegalArgumentException("not in the plan graph: " + address);
        }
        return address;
    }

    private static SortedSet<ResourceAddress> sorted(List<ResourceAddress> addresses)
    {
        return Collections.unmodifiableSortedSet(new TreeSet<>(addresses));
    }
}
