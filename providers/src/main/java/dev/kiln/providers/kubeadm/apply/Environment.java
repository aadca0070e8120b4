package dev.kiln.providers.kubeadm.apply;

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
 * the configuration's node names, how hosts are reached, which nodes are control planes, and
 * each configured cluster's spec (for its worker pools).
 */
public record Environment(Path workingDirectory, NodeNames names, HostConnector connector, NodeRoles roles, Function<ResourceAddress, Optional<ClusterSpec>> clusters)
{
    public Environment
    {
        requireNonNull(workingDirectory, "workingDirectory is null");
        requireNonNull(names, "names is null");
        requireNonNull(connector, "connector is null");
        requireNonNull(roles, "roles is null");
        requireNonNull(clusters, "clusters is null");
    }

    public Installation installation(ClusterSpec cluster)
    {
        Optional<Bundle> bundle = cluster.install().offline()
                ? cluster.install().bundle().map(location -> Bundle.open(location, workingDirectory))
                : Optional.empty();
        return new Installation(cluster, bundle);
    }
}
