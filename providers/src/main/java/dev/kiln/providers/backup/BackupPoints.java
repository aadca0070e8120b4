package dev.kiln.providers.backup;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.state.AtomicFiles;
import dev.kiln.state.blob.BlobStore;
import dev.kiln.state.blob.FileSystemBlobStore;
import dev.kiln.state.blob.S3BlobSettings;
import dev.kiln.state.blob.S3BlobStore;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Opens the blob store behind a backup point from its recorded attributes (as in state):
 * {@code fs { path }} a directory on the machine running Kiln (a relative path is relative
 * to the working directory), {@code fs { node, path }} a directory on a node over SSH
 * ({@link BackupNodes}), {@code s3 {...}} a bucket; each created when missing if asked to.
 */
public final class BackupPoints
{
    private BackupPoints() {}

    /**
     * The store of the backup point at {@code point} whose attributes are {@code attributes}.
     * {@code prepare}: create the bucket when missing (taking a backup); without it nothing is
     * created (looking, planning) and a missing bucket or directory holds nothing.
     */
    public static BlobStore open(String point, JsonNode attributes, Path workingDirectory, boolean prepare)
            throws IOException
    {
        return open(point, attributes, workingDirectory, prepare, BackupNodes.none());
    }

    /** As {@link #open(String, JsonNode, Path, boolean)}; a point on a node is reached through {@code nodes}. */
    public static BlobStore open(String point, JsonNode attributes, Path workingDirectory, boolean prepare, BackupNodes nodes)
            throws IOException
    {
        requireNonNull(point, "point is null");
        requireNonNull(attributes, "attributes is null");
        requireNonNull(workingDirectory, "workingDirectory is null");
        requireNonNull(nodes, "nodes is null");
        JsonNode fs = attributes.path("fs");
        if (fs.isObject() && fs.path("path").isTextual() && fs.path("node").isObject()) {
            return nodes.open(point, fs.path("path").asText(), fs.path("node"), prepare);
        }
        if (fs.isObject() && fs.path("path").isTextual()) {
            FileSystemBlobStore store = new FileSystemBlobStore(workingDirectory.resolve(fs.path("path").asText()));
            if (prepare) {
                AtomicFiles.createDirectories(store.root());
            }
            return store;
        }
        JsonNode s3 = attributes.path("s3");
        if (s3.isObject() && s3.path("bucket").isTextual()) {
            return prepare ? S3BlobStore.open(s3Settings(point, s3)) : S3BlobStore.connect(s3Settings(point, s3));
        }
        throw new IOException(point + " has neither an fs nor an s3 store recorded; apply its configuration first");
    }

    static S3BlobSettings s3Settings(String point, JsonNode s3)
            throws IOException
    {
        Optional<URI> endpoint = text(s3, "endpoint").map(text -> uri(point, text));
        if (endpoint.isPresent() && endpoint.get().getScheme() == null) {
            throw new IOException(point + ": the s3 endpoint is not a URL: " + text(s3, "endpoint").orElseThrow());
        }
        Optional<String> accessKey = text(s3, "access_key");
        Optional<String> secretKey = text(s3, "secret_key");
        if (accessKey.isPresent() != secretKey.isPresent()) {
            throw new IOException(point + ": access_key and secret_key go together; give both or neither");
        }
        return new S3BlobSettings(endpoint, s3.path("bucket").asText(), text(s3, "region").orElse("us-east-1"), text(s3, "prefix").orElse(""),
                accessKey, secretKey, s3.path("path_style").asBoolean(false), S3BlobSettings.DEFAULT_PART_SIZE);
    }

    private static URI uri(String point, String text)
    {
        try {
            return new URI(text);
        }
        catch (URISyntaxException e) {
            throw new IllegalArgumentException(point + ": the s3 endpoint is not a URL", e);
        }
    }

    private static Optional<String> text(JsonNode node, String field)
    {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isEmpty() ? Optional.of(value.asText()) : Optional.empty();
    }
}
