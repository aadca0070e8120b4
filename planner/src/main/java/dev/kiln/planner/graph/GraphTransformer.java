package dev.kiln.planner.graph;

/** One step of building a plan graph, with one job (add configured instances, connect references, ...). */
interface GraphTransformer
{
    void transform(GraphInput input, GraphBuilder graph);
}
