/**
 * Carrying out a plan. The {@link dev.kiln.executors.apply.Driver} SPI makes one resource type
 * real for one provider; {@link dev.kiln.executors.apply.ApplyRunner} turns a plan into walker
 * work items (order from the plan graph, bounds from the drivers), journals each action's
 * intent before its driver runs and its result after ({@link dev.kiln.executors.apply.ActionLog}),
 * and folds the records into the prior state at the end, for the caller to write once.
 * {@link dev.kiln.executors.apply.RefreshedState} is the state as a plan's refresh saw it.
 */
package dev.kiln.executors.apply;
