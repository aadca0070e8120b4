package dev.kiln.planner.graph;

import dev.kiln.lang.addr.ResourceAddress;

import java.util.ArrayList;
import java.util.List;

/**
 * Inverts the edges out of instances being deleted: a deleted instance goes after
 * everything that depended on it (their deletion, or their update away from it), never
 * before.
 */
final class DestroyEdgesTransformer
        implements GraphTransformer
{
    @Override
    public void transform(GraphInput input, GraphBuilder graph)
    {
        List<ResourceAddress[]> inverted = new ArrayList<>();
        for (Object edge : graph.order.edgeSet()) {
            ResourceAddress source = graph.order.getEdgeSource(edge);
            if (graph.deletes.contains(source)) {
                inverted.add(new ResourceAddress[] {source, graph.order.getEdgeTarget(edge)});
            }
        }
        for (ResourceAddress[] edge : inverted) {
            graph.order.removeEdge(edge[0], edge[1]);
            graph.order.addEdge(edge[1], edge[0]);
        }
    }
}
