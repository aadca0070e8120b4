/**
 * Progress of a walk as callbacks ({@link dev.kiln.executors.hook.WalkHook}) or data
 * ({@link dev.kiln.executors.hook.WalkEvent}), for views to render; nothing here prints.
 */
package dev.kiln.executors.hook;
