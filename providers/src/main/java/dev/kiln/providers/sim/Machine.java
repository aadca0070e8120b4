package dev.kiln.providers.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

import static java.util.Objects.requireNonNull;

/**
 * A simulated machine: the node resource at {@code owner} ({@code node.w[1]}), reachable at
 * {@code hostAddress}. {@code id} changes when the machine is created again, so a cluster
 * sees that a member was replaced. {@code attributes} are the node's attributes as Kiln last
 * applied them (null until creation completes).
 */
public record Machine(String owner, String id, String hostAddress, String hostname, Status status, JsonNode attributes)
{
    public Machine
    {
        requireNonNull(owner, "owner is null");
        requireNonNull(id, "id is null");
        requireNonNull(hostAddress, "hostAddress is null");
        requireNonNull(hostname, "hostname is null");
        requireNonNull(status, "status is null");
        attributes = attributes == null ? NullNode.getInstance() : attributes;
    }

    public Machine withStatus(Status newStatus)
    {
        return new Machine(owner, id, hostAddress, hostname, newStatus, attributes);
    }

    public Machine withAttributes(JsonNode newAttributes)
    {
        return new Machine(owner, id, hostAddress, hostname, status, newAttributes);
    }
}
