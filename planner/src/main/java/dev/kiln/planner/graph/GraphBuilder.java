package dev.kiln.planner.graph;

import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.diag.Diagnostic;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultDirectedGraph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/** The graph under construction, shared by the transformers in turn. */
final class GraphBuilder
{
    final Graph<ResourceAddress, Object> order = new DefaultDirectedGraph<>(null, Object::new, false);
    final Map<ResourceAddress, SortedSet<ResourceAddress>> dependencies = new HashMap<>();
    final Set<ResourceAddress> deletes = new HashSet<>();
    final List<Diagnostic> diagnostics = new ArrayList<>();

    void addInstance(ResourceAddress address, boolean delete)
    {
        order.addVertex(address);
        if (delete) {
            deletes.add(address);
        }
    }

    /** Records that {@code dependent} references {@code target}; self references and unknown targets are ignored. */
    void addDependency(ResourceAddress dependent, ResourceAddress target)
    {
        if (dependent.equals(target) || !order.containsVertex(target)) {
            return;
        }
        dependencies.computeIfAbsent(dependent, ignored -> new TreeSet<>()).add(target);
    }

    PlanGraph build()
    {
        return new PlanGraph(order, dependencies, deletes);
    }
}
