package dev.kiln.planner.graph;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Builds a {@link PlanGraph} with an ordered list of transformers, each with one job:
 * configured instances, their child instances, state orphans, references, provider references, order edges,
 * destroy inversion, and the cycle check. There is no transitive reduction: the walker
 * needs none, and the available algorithms are cubic in the number of instances, far from
 * the near-linear cost a 100,000-instance plan affords.
 */
public final class PlanGraphBuilder
{
    private static final List<GraphTransformer> TRANSFORMERS = List.of(
            new ConfigInstancesTransformer(),
            new ChildInstancesTransformer(),
            new StateOrphansTransformer(),
            new ReferencesTransformer(),
            new ProviderReferencesTransformer(),
            new OrderEdgesTransformer(),
            new DestroyEdgesTransformer(),
            new CycleTransformer());

    private PlanGraphBuilder() {}

    public static GraphResult build(GraphInput input)
    {
        requireNonNull(input, "input is null");
        GraphBuilder graph = new GraphBuilder();
        for (GraphTransformer transformer : TRANSFORMERS) {
            transformer.transform(input, graph);
        }
        return new GraphResult(graph.build(), graph.diagnostics);
    }
}
