package dev.kiln.planner.graph;

/** Orders every dependency before what depends on it: an edge from the target to the dependent. */
final class OrderEdgesTransformer
        implements GraphTransformer
{
    @Override
    public void transform(GraphInput input, GraphBuilder graph)
    {
        graph.dependencies.forEach((dependent, targets) -> targets.forEach(target -> graph.order.addEdge(target, dependent)));
    }
}
