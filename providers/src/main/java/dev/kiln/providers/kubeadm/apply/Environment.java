package dev.kiln.providers.kubeadm.apply;

import dev.kiln.executors.walk.Bound;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.providers.kubeadm.remote.HostConnector;
import dev.kiln.providers.kubeadm.spec.ClusterSpec;
import dev.kiln.providers.kubeadm.spec.NodeNames;
import dev.kiln.providers.kubeadm.steps.Installation;
import dev.kiln.providers.kubeadm.version.Bundle;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * What the kubeadm drivers share: the working directory (offline bundles are relative to it),
 * the configuration's node names, how hosts are reached, which nodes are control planes,
 * each configured cluster's spec (for its worker pools), and the offline bundle a registry's
 * clusters install from (for a managed registry's binary), and how many actions may change
 * one host at once.
 */
public record Environment(Path workingDirectory, NodeNames names, HostConnector connector, NodeRoles roles, Function<ResourceAddress, Optional<ClusterSpec>> clusters,
        Function<ResourceAddress, Optional<String>> registryBundles, int maxParallelPerHost)
{
    public Environment
    {
        requireNonNull(workingDirectory, "workingDirectory is null");
        requireNonNull(names, "names is null");
        requireNonNull(connector, "connector is null");
        requireNonNull(roles, "roles is null");
        requireNonNull(clusters, "clusters is null");
        requireNonNull(registryBundles, "registryBundles is null");
        if (maxParallelPerHost < 1) {
            throw new IllegalArgumentException("maxParallelPerHost is " + maxParallelPerHost + ", expected at least 1");
        }
    }

    /** Without offline bundles for registries, one action per host at a time. */
    public Environment(Path workingDirectory, NodeNames names, HostConnector connector, NodeRoles roles, Function<ResourceAddress, Optional<ClusterSpec>> clusters)
    {
        this(workingDirectory, names, connector, roles, clusters, registry -> Optional.empty(), 1);
    }

    /** The walker's bound on the actions that change host {@code address} at once: the provider's {@code max_parallel_per_host}. */
    public Bound hostBound(String address)
    {
        return Bound.of("host:" + address, maxParallelPerHost);
    }

    /** The offline bundle of the clusters that use {@code registry}, when one installs offline from a bundle. */
    public Optional<Bundle> registryBundle(ResourceAddress registry)
    {
        return registryBundles.apply(registry).map(location -> Bundle.open(location, workingDirectory));
    }

    public Installation installation(ClusterSpec cluster)
    {
        Optional<Bundle> bundle = cluster.install().offline()
                ? cluster.install().bundle().map(location -> Bundle.open(location, workingDirectory))
                : Optional.empty();
        return new Installation(cluster, bundle);
    }
}
