package dev.kiln.providers.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

import static java.util.Objects.requireNonNull;

/**
 * A simulated worker pool: the worker_pool resource at {@code owner}
 * ({@code cluster.prod.pool["a"]}) of the cluster at {@code cluster}, named {@code name}. Its
 * nodes are the cluster's {@link Member}s whose group is the pool's name. {@code attributes}
 * are the pool's attributes as Kiln last applied them (null until creation completes).
 */
public record SimPool(String owner, String cluster, String name, Status status, JsonNode attributes)
{
    public SimPool
    {
        requireNonNull(owner, "owner is null");
        requireNonNull(cluster, "cluster is null");
        requireNonNull(name, "name is null");
        requireNonNull(status, "status is null");
        attributes = attributes == null ? NullNode.getInstance() : attributes;
    }

    public SimPool withStatus(Status newStatus)
    {
        return new SimPool(owner, cluster, name, newStatus, attributes);
    }

    public SimPool withAttributes(JsonNode newAttributes)
    {
        return new SimPool(owner, cluster, name, status, newAttributes);
    }
}
