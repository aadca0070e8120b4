package dev.kiln.state.backend.s3;

import dev.kiln.lang.config.model.Setting;
import dev.kiln.lang.config.model.StateSettings;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.state.StateException;
import dev.kiln.state.encryption.StateEncryption;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Where an {@link S3Backend} keeps the state and how it reaches it. {@code accessKey} and
 * {@code secretKey} go together; without them the AWS SDK's default credential chain is used
 * (environment, profile, instance role). The lock is a lease of {@code lease} (renewed by the
 * holder every third of it); {@code historyLimit} past versions are kept. {@link #toString()}
 * never shows the keys. States are sealed with {@code encryption} (none by default) before
 * they are uploaded.
 */
public record S3BackendOptions(
        String bucket,
        String key,
        String region,
        Optional<URI> endpoint,
        boolean pathStyle,
        Optional<String> accessKey,
        Optional<String> secretKey,
        Optional<String> serverSideEncryption,
        Optional<String> kmsKeyId,
        int historyLimit,
        Duration lease,
        Clock clock,
        StateEncryption encryption)
{
    public static final int DEFAULT_HISTORY_LIMIT = 20;
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(60);
    public static final Duration SHORTEST_LEASE = Duration.ofSeconds(2);

    public S3BackendOptions
    {
        requireNonNull(bucket, "bucket is null");
        requireNonNull(key, "key is null");
        requireNonNull(region, "region is null");
        requireNonNull(endpoint, "endpoint is null");
        requireNonNull(accessKey, "accessKey is null");
        requireNonNull(secretKey, "secretKey is null");
        requireNonNull(serverSideEncryption, "serverSideEncryption is null");
        requireNonNull(kmsKeyId, "kmsKeyId is null");
        requireNonNull(lease, "lease is null");
        requireNonNull(clock, "clock is null");
        requireNonNull(encryption, "encryption is null");
        if (bucket.isBlank() || key.isBlank()) {
            throw new IllegalArgumentException("bucket and key must not be blank");
        }
        if (accessKey.isPresent() != secretKey.isPresent()) {
            throw new IllegalArgumentException("access key and secret key go together");
        }
        if (historyLimit < 1) {
            throw new IllegalArgumentException("history limit must be at least 1: " + historyLimit);
        }
        if (lease.compareTo(SHORTEST_LEASE) < 0) {
            throw new IllegalArgumentException("lease shorter than " + SHORTEST_LEASE + ": " + lease);
        }
    }

    /** A state at {@code s3://bucket/key} with the defaults: AWS endpoint, SDK credentials, no SSE. */
    public static S3BackendOptions of(String bucket, String key, String region)
    {
        return new S3BackendOptions(bucket, key, region, Optional.empty(), false, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                DEFAULT_HISTORY_LIMIT, DEFAULT_LEASE, Clock.systemUTC(), StateEncryption.none());
    }

    /**
     * The options of a {@code state "s3" {...}} block. A setting whose value is not known
     * before apply cannot say where the state is, so it is an error naming the setting.
     */
    public static S3BackendOptions from(StateSettings.S3State settings)
    {
        requireNonNull(settings, "settings is null");
        Optional<URI> endpoint = optional(settings.endpoint(), "endpoint").map(S3BackendOptions::endpointUri);
        return new S3BackendOptions(
                required(settings.bucket(), "bucket"),
                required(settings.key(), "key"),
                required(settings.region(), "region"),
                endpoint,
                required(settings.pathStyle(), "path_style"),
                optional(settings.accessKey(), "access_key"),
                optional(settings.secretKey(), "secret_key"),
                optional(settings.serverSideEncryption(), "sse"),
                optional(settings.kmsKeyId(), "kms_key_id"),
                Math.max(1, required(settings.history(), "history")),
                DEFAULT_LEASE,
                Clock.systemUTC(),
                StateEncryption.none());
    }

    public S3BackendOptions withEndpoint(URI newEndpoint, boolean newPathStyle)
    {
        return new S3BackendOptions(bucket, key, region, Optional.of(newEndpoint), newPathStyle, accessKey, secretKey, serverSideEncryption, kmsKeyId,
                historyLimit, lease, clock, encryption);
    }

    public S3BackendOptions withCredentials(String newAccessKey, String newSecretKey)
    {
        return new S3BackendOptions(bucket, key, region, endpoint, pathStyle, Optional.of(newAccessKey), Optional.of(newSecretKey), serverSideEncryption,
                kmsKeyId, historyLimit, lease, clock, encryption);
    }

    public S3BackendOptions withKey(String newKey)
    {
        return new S3BackendOptions(bucket, newKey, region, endpoint, pathStyle, accessKey, secretKey, serverSideEncryption, kmsKeyId, historyLimit, lease,
                clock, encryption);
    }

    public S3BackendOptions withServerSideEncryption(String algorithm, Optional<String> newKmsKeyId)
    {
        return new S3BackendOptions(bucket, key, region, endpoint, pathStyle, accessKey, secretKey, Optional.of(algorithm), newKmsKeyId, historyLimit,
                lease, clock, encryption);
    }

    public S3BackendOptions withHistoryLimit(int newHistoryLimit)
    {
        return new S3BackendOptions(bucket, key, region, endpoint, pathStyle, accessKey, secretKey, serverSideEncryption, kmsKeyId, newHistoryLimit,
                lease, clock, encryption);
    }

    public S3BackendOptions withLease(Duration newLease)
    {
        return new S3BackendOptions(bucket, key, region, endpoint, pathStyle, accessKey, secretKey, serverSideEncryption, kmsKeyId, historyLimit,
                newLease, clock, encryption);
    }

    /** States sealed with {@code newEncryption} (see {@link dev.kiln.state.encryption.SealedStateCodec}) before they leave this machine. */
    public S3BackendOptions withEncryption(StateEncryption newEncryption)
    {
        return new S3BackendOptions(bucket, key, region, endpoint, pathStyle, accessKey, secretKey, serverSideEncryption, kmsKeyId, historyLimit,
                lease, clock, newEncryption);
    }

    /** {@code s3://bucket/key}, and the endpoint when it is not AWS's. */
    public String location()
    {
        return "s3://" + bucket + "/" + key + endpoint.map(uri -> " at " + uri).orElse("");
    }

    @Override
    public String toString()
    {
        return "S3BackendOptions[" + location() + ", region=" + region + ", pathStyle=" + pathStyle
                + ", credentials=" + (accessKey.isPresent() ? "static (" + Setting.SENSITIVE_TEXT + ")" : "default chain")
                + ", sse=" + serverSideEncryption.orElse("none") + ", historyLimit=" + historyLimit + ", lease=" + lease + ", encryption=" + encryption + "]";
    }

    private static <T> T required(Setting<T> setting, String name)
    {
        return setting.known().orElseThrow(() -> unknown(setting, name));
    }

    private static Optional<String> optional(Optional<Setting<String>> setting, String name)
    {
        return setting.map(present -> required(present, name));
    }

    private static URI endpointUri(String text)
    {
        try {
            URI uri = new URI(text);
            if (uri.getScheme() == null || uri.getHost() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new URISyntaxException(text, "expected http:// or https:// and a host");
            }
            return uri;
        }
        catch (URISyntaxException e) {
            throw StateException.error("Invalid S3 endpoint",
                    "The state backend's endpoint \"%s\" is not a URL such as \"https://minio.example:9000\": %s.".formatted(text, e.getReason()));
        }
    }

    private static StateException unknown(Setting<?> setting, String name)
    {
        return new StateException(Diagnostic.error("State backend setting not known",
                ("The s3 state backend's %s has no known value: it uses a variable that was given no value (-var, -var-file or KILN_VAR_NAME), "
                        + "or a value known only after apply. Where the state lives must be known before Kiln reads it.").formatted(name),
                setting.range()));
    }
}
