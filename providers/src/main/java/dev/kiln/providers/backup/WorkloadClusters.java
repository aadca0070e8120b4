package dev.kiln.providers.backup;

import dev.kiln.executors.kube.KubeClient;
import dev.kiln.lang.addr.ResourceAddress;

import java.util.Optional;

/** How scheduled backups reach the API server of a Cluster API cluster they are installed in. */
@FunctionalInterface
public interface WorkloadClusters
{
    /**
     * A client of the cluster at {@code cluster}, objects without a namespace going to
     * {@code namespace}; empty while its kubeconfig cannot be read. The caller closes it.
     */
    Optional<KubeClient> client(ResourceAddress cluster, String namespace);
}
