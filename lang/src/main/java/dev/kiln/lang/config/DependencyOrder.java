package dev.kiln.lang.config;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Orders named nodes so every node comes after what it depends on, grouping the nodes of
 * each cycle together (Tarjan's strongly connected components). Names are visited in sorted
 * order, so the result is the same on every run.
 */
final class DependencyOrder
{
    private final SortedMap<String, SortedSet<String>> dependencies;
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, Integer> lowLink = new HashMap<>();
    private final Deque<String> stack = new ArrayDeque<>();
    private final Set<String> onStack = new TreeSet<>();
    private final List<Component> components = new ArrayList<>();

    private DependencyOrder(Map<String, ? extends Set<String>> dependencies)
    {
        this.dependencies = new TreeMap<>();
        dependencies.forEach((node, targets) -> this.dependencies.put(node, new TreeSet<>(targets)));
    }

    /** A set of nodes evaluated together: one node, or every node of one cycle. */
    record Component(List<String> nodes, boolean cyclic)
    {
        Component
        {
            nodes = List.copyOf(nodes);
        }
    }

    /** Components, dependencies first. Edges to names that are not nodes are ignored. */
    static List<Component> of(Map<String, ? extends Set<String>> dependencies)
    {
        DependencyOrder order = new DependencyOrder(dependencies);
        for (String node : order.dependencies.keySet()) {
            if (!order.index.containsKey(node)) {
                order.connect(node);
            }
        }
        return List.copyOf(order.components);
    }

    private void connect(String node)
    {
        index.put(node, index.size());
        lowLink.put(node, index.get(node));
        stack.push(node);
        onStack.add(node);
        for (String target : dependencies.get(node)) {
            if (!dependencies.containsKey(target)) {
                continue;
            }
            if (!index.containsKey(target)) {
                connect(target);
                lowLink.put(node, Math.min(lowLink.get(node), lowLink.get(target)));
            }
            else if (onStack.contains(target)) {
                lowLink.put(node, Math.min(lowLink.get(node), index.get(target)));
            }
        }
        if (lowLink.get(node).equals(index.get(node))) {
            SortedSet<String> members = new TreeSet<>();
            String member;
            do {
                member = stack.pop();
                onStack.remove(member);
                members.add(member);
            }
            while (!member.equals(node));
            boolean cyclic = members.size() > 1 || dependencies.get(node).contains(node);
            components.add(new Component(List.copyOf(members), cyclic));
        }
    }
}
