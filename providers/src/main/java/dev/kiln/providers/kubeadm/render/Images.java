package dev.kiln.providers.kubeadm.render;

import dev.kiln.providers.kubeadm.spec.ClusterSpec;
import dev.kiln.providers.kubeadm.version.Releases;

/**
 * Where a cluster's Kubernetes images come from: {@code install.image_repository} when given;
 * else the cluster's registry when it mirrors nothing (it holds the images itself, as an
 * offline registry does); else the upstream registry of the release (registry.k8s.io, or
 * k8s.gcr.io for releases older than v1.22.17, v1.23.15 and v1.24.9), which a mirroring
 * registry serves through the runtime's mirror configuration.
 */
public final class Images
{
    private Images() {}

    public static String repository(ClusterSpec cluster, String version)
    {
        if (cluster.install().imageRepository().isPresent()) {
            return cluster.install().imageRepository().get();
        }
        if (cluster.registry().isPresent() && cluster.registry().get().mirrors().isEmpty()) {
            return cluster.registry().get().address();
        }
        return Releases.upstreamRegistry(version);
    }

    /** The pause image the runtime uses for pod sandboxes. */
    public static String sandbox(ClusterSpec cluster, String version)
    {
        return repository(cluster, version) + "/pause:" + Releases.pauseTag(version);
    }
}
