/**
 * Computing a plan: {@link dev.kiln.planner.diff.Planner#plan} refreshes, builds the graph,
 * applies targeting, asks each resource type's diff rule, and plans outputs. Also the
 * standard diff rule providers build on, and resource values to and from state.
 */
package dev.kiln.planner.diff;
