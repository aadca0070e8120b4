/**
 * The plan graph: resource instances and the order their actions run in, built by an
 * ordered list of small transformers ({@link dev.kiln.planner.graph.PlanGraphBuilder}).
 * JGraphT stays behind {@link dev.kiln.planner.graph.PlanGraph}.
 */
package dev.kiln.planner.graph;
