package dev.kiln.providers.kubeadm.steps;

import dev.kiln.providers.kubeadm.spec.ClusterSpec;
import dev.kiln.providers.kubeadm.version.Bundle;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What goes on a cluster's hosts: the cluster (its runtime, registry, version) and where
 * binaries come from — the offline bundle on this machine, or the distribution's package
 * repository (Kubernetes' {@code pkgs.k8s.io} packages) when there is none.
 */
public record Installation(ClusterSpec cluster, Optional<Bundle> bundle)
{
    /** Where binaries from a bundle go (packages install to /usr/bin). */
    public static final String BUNDLE_BINARIES = "/usr/local/bin";

    public Installation
    {
        requireNonNull(cluster, "cluster is null");
        requireNonNull(bundle, "bundle is null");
    }
}
