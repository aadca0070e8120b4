/**
 * Rendering a {@code cluster} block with {@code provider = capi} into Cluster API objects:
 * {@link dev.kiln.providers.capi.render.CapiRenderer} gives a
 * {@link dev.kiln.providers.capi.render.RenderedCluster} (the Cluster, the control plane and
 * its machine template, the infrastructure cluster, Secrets, and per worker pool a
 * MachineDeployment with its bootstrap and machine templates), in Cluster API v1beta1 or
 * v1beta2; {@link dev.kiln.providers.capi.render.CapiYaml} writes them as a multi-document
 * YAML stream with sensitive values hidden.
 */
package dev.kiln.providers.capi.render;
