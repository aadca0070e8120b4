package dev.kiln.providers.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

import static java.util.Objects.requireNonNull;

/** A simulated image registry: the registry resource at {@code owner}, serving at {@code address} ({@code host:port}). */
public record SimRegistry(String owner, String address, Status status, JsonNode attributes)
{
    public SimRegistry
    {
        requireNonNull(owner, "owner is null");
        requireNonNull(address, "address is null");
        requireNonNull(status, "status is null");
        attributes = attributes == null ? NullNode.getInstance() : attributes;
    }
}
