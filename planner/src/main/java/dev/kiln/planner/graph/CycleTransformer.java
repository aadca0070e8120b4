package dev.kiln.planner.graph;

import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.diag.Diagnostic;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.jgrapht.graph.AsSubgraph;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reports every cycle as an error naming each address on it (each strongly connected set of
 * more than one instance, in address order): no order exists in which to plan them. A
 * topological pass first peels off every instance that is not on or behind a cycle, so the
 * usual acyclic graph costs one linear pass.
 */
final class CycleTransformer
        implements GraphTransformer
{
    @Override
    public void transform(GraphInput input, GraphBuilder graph)
    {
        Set<ResourceAddress> remaining = unordered(graph.order);
        if (remaining.isEmpty()) {
            return;
        }
        Graph<ResourceAddress, Object> rest = new AsSubgraph<>(graph.order, remaining);
        List<Set<ResourceAddress>> components = new KosarajuStrongConnectivityInspector<>(rest).stronglyConnectedSets();
        components.stream()
                .filter(component -> component.size() > 1)
                .map(component -> component.stream().sorted().toList())
                .sorted((left, right) -> left.getFirst().compareTo(right.getFirst()))
                .forEach(cycle -> graph.diagnostics.add(Diagnostic.errorWithoutSource(
                        "Cycle in resource dependencies",
                        "These resource instances depend on each other in a cycle, so none of them can be planned first: "
                                + cycle.stream().map(ResourceAddress::toString).collect(Collectors.joining(", "))
                                + ". Remove a reference or depends_on entry, or a provider's reference to a resource, that closes the cycle.")));
    }

    /** The instances a topological order cannot reach: those on a cycle or after one. */
    private static Set<ResourceAddress> unordered(Graph<ResourceAddress, Object> order)
    {
        Map<ResourceAddress, Integer> waiting = new HashMap<>();
        Deque<ResourceAddress> ready = new ArrayDeque<>();
        for (ResourceAddress address : order.vertexSet()) {
            int inDegree = order.inDegreeOf(address);
            if (inDegree == 0) {
                ready.add(address);
            }
            else {
                waiting.put(address, inDegree);
            }
        }
        while (!ready.isEmpty()) {
            for (Object edge : order.outgoingEdgesOf(ready.poll())) {
                ResourceAddress target = order.getEdgeTarget(edge);
                if (waiting.merge(target, -1, Integer::sum) == 0) {
                    waiting.remove(target);
                    ready.add(target);
                }
            }
        }
        return waiting.keySet();
    }
}
