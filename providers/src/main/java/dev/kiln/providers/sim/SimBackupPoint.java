package dev.kiln.providers.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

import static java.util.Objects.requireNonNull;

/** A simulated backup point: the backup_point resource at {@code owner}, storing snapshots at {@code location}. */
public record SimBackupPoint(String owner, String location, Status status, JsonNode attributes)
{
    public SimBackupPoint
    {
        requireNonNull(owner, "owner is null");
        requireNonNull(location, "location is null");
        requireNonNull(status, "status is null");
        attributes = attributes == null ? NullNode.getInstance() : attributes;
    }
}
