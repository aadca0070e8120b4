package dev.kiln.planner.graph;

import dev.kiln.lang.addr.ResourceAddress;

import java.util.ArrayList;
import java.util.List;

/**
 * Inverts the edges out of instances being deleted: a deleted instance goes after
 * everything that depended on it (their deletion, or their update away from it), never
 * before. Every edge is re-added in its final direction, so two instances that depend on each
 * other keep their cycle.
 */
final class DestroyEdgesTransformer
        implements GraphTransformer
{
    @Override
    public void transform(GraphInput input, GraphBuilder graph)
    {
        List<ResourceAddress[]> edges = new ArrayList<>();
        for (Object edge : graph.order.edgeSet()) {
            ResourceAddress source = graph.order.getEdgeSource(edge);
            ResourceAddress target = graph.order.getEdgeTarget(edge);
            edges.add(graph.deletes.contains(source) ? new ResourceAddress[] {target, source} : new ResourceAddress[] {source, target});
        }
        graph.order.removeAllEdges(new ArrayList<>(graph.order.edgeSet()));
        for (ResourceAddress[] edge : edges) {
            graph.order.addEdge(edge[0], edge[1]);
        }
    }
}
