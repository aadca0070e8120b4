package dev.kiln.providers.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** A {@link BackupRecord} as the JSON document kept next to its snapshot ({@code backup.json}). */
final class BackupRecordJson
{
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private BackupRecordJson() {}

    static byte[] write(BackupRecord record)
            throws IOException
    {
        ObjectNode node = MAPPER.createObjectNode()
                .put("id", record.id())
                .put("cluster", record.cluster())
                .put("kubernetes_version", record.kubernetesVersion())
                .put("etcd_version", record.etcdVersion())
                .put("etcd_revision", record.etcdRevision())
                .put("created", record.created().toString())
                .put("size", record.size())
                .put("sha256", record.sha256())
                .put("objects_size", record.objectsSize())
                .put("objects_sha256", record.objectsSha256())
                .put("description", record.description());
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(node);
    }

    /** The record in {@code content}; an {@link IOException} naming {@code key} when it is not one. */
    static BackupRecord read(String key, byte[] content)
            throws IOException
    {
        try {
            JsonNode node = MAPPER.readTree(content);
            return new BackupRecord(
                    text(node, "id"),
                    text(node, "cluster"),
                    text(node, "kubernetes_version"),
                    text(node, "etcd_version"),
                    number(node, "etcd_revision"),
                    Instant.parse(text(node, "created")),
                    number(node, "size"),
                    text(node, "sha256"),
                    number(node, "objects_size"),
                    text(node, "objects_sha256"),
                    node.path("description").asText(""));
        }
        catch (IOException | DateTimeParseException | IllegalArgumentException e) {
            throw new IOException("the backup record " + key + " is not valid: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field)
    {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("\"" + field + "\" is missing or not text");
        }
        return value.asText();
    }

    private static long number(JsonNode node, String field)
    {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToLong()) {
            throw new IllegalArgumentException("\"" + field + "\" is missing or not a whole number");
        }
        return value.asLong();
    }
}
