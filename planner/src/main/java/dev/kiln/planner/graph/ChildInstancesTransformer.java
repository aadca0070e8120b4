package dev.kiln.planner.graph;

import dev.kiln.lang.config.schema.DecodedInstance;

/**
 * Adds the child instances configured instances declare ({@code cluster.prod.pool["a"]}, see
 * {@link ChildInstances}); a destroy plan adds only those recorded, as deletions. A recorded
 * child whose block is gone is left to the state orphans, which delete it alone. The
 * references step connects each child to its parent.
 */
final class ChildInstancesTransformer
        implements GraphTransformer
{
    @Override
    public void transform(GraphInput input, GraphBuilder graph)
    {
        for (DecodedInstance child : input.children()) {
            if (!graph.order.containsVertex(child.address().parent().orElseThrow())) {
                continue;
            }
            if (!input.destroy()) {
                graph.addInstance(child.address(), false);
            }
            else if (input.state().resources().containsKey(child.address())) {
                graph.addInstance(child.address(), true);
            }
        }
    }
}
