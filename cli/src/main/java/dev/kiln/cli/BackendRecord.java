package dev.kiln.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.state.AtomicFiles;
import dev.kiln.state.StateException;
import dev.kiln.state.StateJson;
import dev.kiln.state.backend.LocalBackendOptions;
import dev.kiln.state.backend.s3.S3BackendOptions;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Which backend {@code kiln init} last set the working directory up for, kept in
 * {@code .kiln/backend.json}: the local file (its path as configured), or an S3 location
 * (bucket, key, region, endpoint, path style, and whether static keys were used; never the
 * keys). A configuration that names another backend, or another local file, is refused until {@code kiln init -migrate-state} moves the
 * state, or {@code kiln init -reconfigure} takes the new backend as it is.
 */
record BackendRecord(Optional<S3Location> s3, String localPath)
{
    static final String FILE_NAME = "backend.json";
    static final BackendRecord LOCAL = new BackendRecord(Optional.empty(), LocalBackendOptions.STATE_FILE_NAME);

    record S3Location(String bucket, String key, String region, Optional<URI> endpoint, boolean pathStyle, boolean staticCredentials)
    {
        S3Location
        {
            requireNonNull(bucket, "bucket is null");
            requireNonNull(key, "key is null");
            requireNonNull(region, "region is null");
            requireNonNull(endpoint, "endpoint is null");
        }
    }

    BackendRecord
    {
        requireNonNull(s3, "s3 is null");
        requireNonNull(localPath, "localPath is null");
    }

    /** {@code localPath}: the local state file as configured, used when {@code options} is empty. */
    static BackendRecord of(Optional<S3BackendOptions> options, String localPath)
    {
        return new BackendRecord(options.map(s3 -> new S3Location(s3.bucket(), s3.key(), s3.region(), s3.endpoint(), s3.pathStyle(), s3.accessKey().isPresent())),
                options.isPresent() ? LocalBackendOptions.STATE_FILE_NAME : localPath);
    }

    /** Whether both name the same stored state (the same local file, or the same bucket, key and endpoint). */
    boolean sameStorage(BackendRecord other)
    {
        if (s3.isEmpty() || other.s3.isEmpty()) {
            return s3.isEmpty() && other.s3.isEmpty() && normalized(localPath).equals(normalized(other.localPath));
        }
        S3Location mine = s3.get();
        S3Location theirs = other.s3.get();
        return mine.bucket().equals(theirs.bucket()) && mine.key().equals(theirs.key()) && Objects.equals(mine.endpoint(), theirs.endpoint());
    }

    String describe()
    {
        return s3.map(location -> "s3://" + location.bucket() + "/" + location.key() + location.endpoint().map(endpoint -> " at " + endpoint).orElse(""))
                .orElse("the local file " + localPath);
    }

    private static Path normalized(String path)
    {
        return Path.of(path).normalize();
    }

    /**
     * The options to reach a recorded S3 state whose configuration is gone (migrating away
     * from it). Static keys, when it used them, come from {@code AWS_ACCESS_KEY_ID} and
     * {@code AWS_SECRET_ACCESS_KEY}, as they are never recorded.
     */
    S3BackendOptions s3Options(Map<String, String> environment)
    {
        S3Location location = s3.orElseThrow();
        S3BackendOptions options = S3BackendOptions.of(location.bucket(), location.key(), location.region());
        if (location.endpoint().isPresent()) {
            options = options.withEndpoint(location.endpoint().get(), location.pathStyle());
        }
        if (location.staticCredentials()) {
            String accessKey = environment.get("AWS_ACCESS_KEY_ID");
            String secretKey = environment.get("AWS_SECRET_ACCESS_KEY");
            if (accessKey == null || secretKey == null) {
                throw StateException.error("Missing credentials of the previous backend",
                        ("The state is still at %s, which was set up with an access key and a secret key. Kiln never records keys, and the "
                                + "configuration no longer holds them: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY to them and run "
                                + "kiln init -migrate-state again.").formatted(describe()));
            }
            options = options.withCredentials(accessKey, secretKey);
        }
        return options;
    }

    static Optional<BackendRecord> read(Path kilnDirectory)
    {
        Path file = kilnDirectory.resolve(FILE_NAME);
        try {
            JsonNode document = StateJson.parse(Files.readString(file, StandardCharsets.UTF_8));
            if (document.path("type").asText().equals("local")) {
                JsonNode path = document.get("path");
                return Optional.of(path != null && path.isTextual() ? new BackendRecord(Optional.empty(), path.asText()) : LOCAL);
            }
            Optional<URI> endpoint = Optional.ofNullable(document.get("endpoint")).filter(JsonNode::isTextual).map(node -> URI.create(node.asText()));
            return Optional.of(new BackendRecord(Optional.of(new S3Location(
                    document.path("bucket").asText(),
                    document.path("key").asText(),
                    document.path("region").asText(),
                    endpoint,
                    document.path("path_style").asBoolean(),
                    document.path("static_credentials").asBoolean())), LocalBackendOptions.STATE_FILE_NAME));
        }
        catch (NoSuchFileException e) {
            return Optional.empty();
        }
        catch (IOException | RuntimeException e) {
            throw StateException.error("Unreadable backend record",
                    "%s could not be read (%s). Run kiln init -reconfigure to record the configured backend again.".formatted(file, e.getMessage()));
        }
    }

    void write(Path kilnDirectory)
            throws IOException
    {
        ObjectNode document = StateJson.object();
        if (s3.isEmpty()) {
            document.put("type", "local");
            document.put("path", localPath);
        }
        else {
            S3Location location = s3.get();
            document.put("type", "s3");
            document.put("bucket", location.bucket());
            document.put("key", location.key());
            document.put("region", location.region());
            location.endpoint().ifPresent(endpoint -> document.put("endpoint", endpoint.toString()));
            document.put("path_style", location.pathStyle());
            document.put("static_credentials", location.staticCredentials());
        }
        AtomicFiles.write(kilnDirectory.resolve(FILE_NAME), StateJson.pretty(document).getBytes(StandardCharsets.UTF_8));
    }
}
