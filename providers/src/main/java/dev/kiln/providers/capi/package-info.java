/**
 * The {@code capi} provider: clusters handed to a Cluster API management cluster.
 * {@link dev.kiln.providers.capi.CapiProvider} plans {@code cluster} and {@code worker_pool}
 * instances from values alone, refreshes them from the management cluster (drift, objects
 * deleted behind Kiln's back, failed machines), applies them — the objects
 * {@link dev.kiln.providers.capi.render} renders, applied through
 * {@link dev.kiln.executors.kube.KubeClient}, then waited on with progress — and imports
 * existing clusters. {@link dev.kiln.providers.capi.CapiSettings} reads a provider block,
 * including a kubeconfig known only after another resource is applied.
 */
package dev.kiln.providers.capi;
