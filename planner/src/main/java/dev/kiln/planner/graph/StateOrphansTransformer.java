package dev.kiln.planner.graph;

import dev.kiln.lang.addr.ResourceAddress;

/** Adds every recorded instance the configuration no longer has, to be deleted (in a destroy plan, every recorded instance). */
final class StateOrphansTransformer
        implements GraphTransformer
{
    @Override
    public void transform(GraphInput input, GraphBuilder graph)
    {
        for (ResourceAddress address : input.state().resources().keySet()) {
            if (input.destroy() || !graph.order.containsVertex(address)) {
                graph.addInstance(address, true);
            }
        }
    }
}
