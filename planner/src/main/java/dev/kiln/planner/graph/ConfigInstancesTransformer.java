package dev.kiln.planner.graph;

import dev.kiln.lang.config.schema.DecodedInstance;

/** Adds every configured resource instance ({@code count}/{@code for_each} already expanded); a destroy plan adds only those recorded, as deletions. */
final class ConfigInstancesTransformer
        implements GraphTransformer
{
    @Override
    public void transform(GraphInput input, GraphBuilder graph)
    {
        for (DecodedInstance instance : input.config().resources()) {
            if (!input.destroy()) {
                graph.addInstance(instance.address(), false);
            }
            else if (input.state().resources().containsKey(instance.address())) {
                graph.addInstance(instance.address(), true);
            }
        }
    }
}
