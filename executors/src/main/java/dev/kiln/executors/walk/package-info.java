/**
 * The generic parallel walk: a {@link dev.kiln.executors.walk.WalkGraph} of
 * {@link dev.kiln.executors.walk.WorkItem}s, each an {@link dev.kiln.executors.walk.Action} with
 * dependencies and named {@link dev.kiln.executors.walk.Bound}s, walked by
 * {@link dev.kiln.executors.walk.Walker} under {@link dev.kiln.executors.walk.WalkOptions} and a
 * {@link dev.kiln.executors.walk.WalkControl}, ending in a
 * {@link dev.kiln.executors.walk.WalkResult}. It knows nothing about clusters, plans or state:
 * callers turn plan changes into work items and outcomes back into state.
 */
package dev.kiln.executors.walk;
