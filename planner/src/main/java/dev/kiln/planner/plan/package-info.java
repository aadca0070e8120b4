/**
 * The plan as data: {@link dev.kiln.planner.plan.Plan}, {@link dev.kiln.planner.plan.ResourceChange},
 * {@link dev.kiln.planner.plan.OutputChange} and {@link dev.kiln.planner.plan.Action}.
 * Computed in {@code diff}, rendered in {@code render}, saved in {@code planfile}.
 */
package dev.kiln.planner.plan;
