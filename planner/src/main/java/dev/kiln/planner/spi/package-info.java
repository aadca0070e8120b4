/**
 * The resource-type SPI providers implement: a {@link dev.kiln.planner.spi.ResourceType}
 * (name, {@link dev.kiln.planner.spi.ResourceSchema}, {@link dev.kiln.planner.spi.DiffRule}),
 * the {@link dev.kiln.planner.spi.ResourceTypes} registry, and the
 * {@link dev.kiln.planner.spi.Refresher} that reads real objects. One request and one
 * response record per operation; responses carry diagnostics.
 */
package dev.kiln.planner.spi;
