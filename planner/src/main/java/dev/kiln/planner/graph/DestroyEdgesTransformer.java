package dev.kiln.planner.graph;

import dev.kiln.lang.addr.ResourceAddress;

import java.util.ArrayList;
import java.util.List;

/**
 * Inverts the edges out of instances being deleted: a deleted instance goes after
 * everything that depended on it (their deletion, or their update away from it), never
 * before. All such edges are removed before any inverted one is added, so two instances that
 * depend on each other keep their cycle.
 */
final class DestroyEdgesTransformer
        implements GraphTransformer
{
    @Override
    public void transform(GraphInput input, GraphBuilder graph)
    {
        if (graph.deletes.isEmpty()) {
            return;
        }
        List<Object> outOfDeletes = new ArrayList<>();
        for (ResourceAddress deleted : graph.deletes) {
            outOfDeletes.addAll(graph.order.outgoingEdgesOf(deleted));
        }
        List<ResourceAddress[]> inverted = new ArrayList<>();
        for (Object edge : outOfDeletes) {
            inverted.add(new ResourceAddress[] {graph.order.getEdgeTarget(edge), graph.order.getEdgeSource(edge)});
        }
        graph.order.removeAllEdges(outOfDeletes);
        for (ResourceAddress[] edge : inverted) {
            graph.order.addEdge(edge[0], edge[1]);
        }
    }
}
