/**
 * Saved plans ({@code kiln plan -out}): a versioned JSON document bound to the state's
 * lineage and serial and to the configuration's hash, without sensitive values, and the
 * check that refuses a stale or foreign one.
 */
package dev.kiln.planner.planfile;
