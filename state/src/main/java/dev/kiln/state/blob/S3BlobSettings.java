package dev.kiln.state.blob;

import java.net.URI;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Where an S3 blob store lives and how to reach it. {@code prefix} is prepended to every key
 * (empty, or ending in {@code /}). Without {@code accessKey} the SDK's default credential
 * chain is used. {@code partSize} bounds the memory a put holds per part (at least 5 MiB,
 * S3's minimum part size). The secret key never appears in {@link #toString()}.
 */
public record S3BlobSettings(
        Optional<URI> endpoint,
        String bucket,
        String region,
        String prefix,
        Optional<String> accessKey,
        Optional<String> secretKey,
        boolean pathStyle,
        int partSize)
{
    public static final int MINIMUM_PART_SIZE = 5 << 20;
    public static final int DEFAULT_PART_SIZE = 16 << 20;

    public S3BlobSettings
    {
        requireNonNull(endpoint, "endpoint is null");
        requireNonNull(bucket, "bucket is null");
        requireNonNull(region, "region is null");
        requireNonNull(prefix, "prefix is null");
        requireNonNull(accessKey, "accessKey is null");
        requireNonNull(secretKey, "secretKey is null");
        if (bucket.isEmpty()) {
            throw new IllegalArgumentException("bucket is empty");
        }
        if (accessKey.isPresent() != secretKey.isPresent()) {
            throw new IllegalArgumentException("access key and secret key go together");
        }
        if (partSize < MINIMUM_PART_SIZE) {
            throw new IllegalArgumentException("part size below S3's minimum of 5 MiB: " + partSize);
        }
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            prefix = prefix + "/";
        }
        BlobKeys.checkPrefix(prefix);
    }

    public S3BlobSettings withPartSize(int newPartSize)
    {
        return new S3BlobSettings(endpoint, bucket, region, prefix, accessKey, secretKey, pathStyle, newPartSize);
    }

    /** {@code s3://bucket/prefix}. */
    public String location()
    {
        return "s3://" + bucket + "/" + prefix;
    }

    @Override
    public String toString()
    {
        return "S3BlobSettings[" + location() + endpoint.map(uri -> " at " + uri).orElse("") + ", region " + region
                + (accessKey.isPresent() ? ", static credentials" : ", default credentials") + "]";
    }
}
