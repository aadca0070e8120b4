/**
 * Kiln's configuration blocks and their typed model. {@link dev.kiln.lang.config.model.KilnSchemas}
 * gives the loader the schema of every block Kiln defines ({@code kiln}, {@code provider},
 * {@code node}, {@code registry}, {@code backup_point}, {@code cluster});
 * {@link dev.kiln.lang.config.model.ModelBuilder} turns the decoded blocks into the immutable
 * {@link dev.kiln.lang.config.model.Model} and runs the domain rules of
 * {@code dev.kiln.lang.config.model.rules}. Every argument is a
 * {@link dev.kiln.lang.config.model.Setting}: known or unknown until apply, with the range it
 * came from. Defaults that depend on other arguments (pod and service networks per address
 * family, storage class names per driver, runtime data directories per runtime) are filled in
 * by the builder; the others are the schemas' defaults.
 */
package dev.kiln.lang.config.model;
