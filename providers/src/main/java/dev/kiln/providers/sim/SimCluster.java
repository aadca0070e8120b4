package dev.kiln.providers.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

import static java.util.Objects.requireNonNull;

/**
 * A simulated Kubernetes cluster: the cluster resource at {@code owner}, the version its
 * control plane runs, its API endpoint and credentials ({@code kubeconfig} is secret: never
 * printed). Its control-plane and worker members are {@link Member}s. {@code attributes} are
 * the cluster's attributes as Kiln last applied them (null until creation completes).
 */
public record SimCluster(
        String owner,
        String id,
        String version,
        String endpoint,
        String caCertificate,
        String kubeconfig,
        Status status,
        JsonNode attributes)
{
    public SimCluster
    {
        requireNonNull(owner, "owner is null");
        requireNonNull(id, "id is null");
        requireNonNull(version, "version is null");
        requireNonNull(endpoint, "endpoint is null");
        requireNonNull(caCertificate, "caCertificate is null");
        requireNonNull(kubeconfig, "kubeconfig is null");
        requireNonNull(status, "status is null");
        attributes = attributes == null ? NullNode.getInstance() : attributes;
    }

    public SimCluster withVersion(String newVersion)
    {
        return new SimCluster(owner, id, newVersion, endpoint, caCertificate, kubeconfig, status, attributes);
    }

    public SimCluster withStatus(Status newStatus)
    {
        return new SimCluster(owner, id, version, endpoint, caCertificate, kubeconfig, newStatus, attributes);
    }

    public SimCluster withAttributes(JsonNode newAttributes)
    {
        return new SimCluster(owner, id, version, endpoint, caCertificate, kubeconfig, status, newAttributes);
    }
}
