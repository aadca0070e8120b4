package dev.kiln.providers.backup;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.state.blob.S3BlobSettings;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A cluster's scheduled backups, as its {@code backup} block describes them: when, how many
 * to keep, whether they run, and where they go. Scheduled backups are named
 * {@code NAME-scheduled-TIME-RANDOM}; retention removes only those, never a backup taken by
 * hand.
 */
public record ScheduledBackup(String cluster, CronSchedule schedule, int keep, boolean enabled, Destination destination)
{
    public ScheduledBackup
    {
        requireNonNull(cluster, "cluster is null");
        requireNonNull(schedule, "schedule is null");
        requireNonNull(destination, "destination is null");
        if (keep < 1) {
            throw new IllegalArgumentException("keep must be at least 1: " + keep);
        }
    }

    /** Where a scheduled backup goes, as the node or the job that takes it reaches it. */
    public sealed interface Destination
    {
    }

    /** A directory on the control-plane node itself (a local disk or a mounted share). */
    public record Directory(String path)
            implements Destination
    {
        public Directory
        {
            requireNonNull(path, "path is null");
        }
    }

    /** A bucket: its URL ({@code https://minio:9000/etcd} path-style), key prefix, region and static credentials. */
    public record Bucket(URI bucketUrl, String prefix, String region, String accessKey, String secretKey)
            implements Destination
    {
        public Bucket
        {
            requireNonNull(bucketUrl, "bucketUrl is null");
            requireNonNull(prefix, "prefix is null");
            requireNonNull(region, "region is null");
            requireNonNull(accessKey, "accessKey is null");
            requireNonNull(secretKey, "secretKey is null");
        }

        @Override
        public String toString()
        {
            return "Bucket[" + bucketUrl + "/" + prefix + ", region " + region + "]";
        }
    }

    /** The id prefix of the cluster's scheduled backups: {@code prod-scheduled}. */
    public String idPrefix()
    {
        return idPrefix(cluster);
    }

    /** The id prefix of the scheduled backups of the cluster at {@code cluster}. */
    static String idPrefix(String cluster)
    {
        String name = cluster.startsWith("cluster.") ? cluster.substring("cluster.".length()) : cluster;
        return name.replaceAll("[^A-Za-z0-9._-]+", "_") + "-scheduled";
    }

    /** The destination of a backup point's recorded attributes; a bucket needs static credentials (nodes have no credential chain). */
    public static Destination destination(String point, JsonNode attributes)
            throws IOException
    {
        JsonNode fs = attributes.path("fs");
        if (fs.isObject() && fs.path("path").isTextual()) {
            return new Directory(fs.path("path").asText());
        }
        JsonNode s3 = attributes.path("s3");
        if (!s3.isObject()) {
            throw new IOException(point + " has neither an fs nor an s3 store recorded");
        }
        S3BlobSettings settings = BackupPoints.s3Settings(point, s3);
        if (settings.accessKey().isEmpty()) {
            throw new IOException(point + ": scheduled backups upload from the control-plane nodes, which need access_key and secret_key");
        }
        return new Bucket(bucketUrl(settings), settings.prefix(), settings.region(), settings.accessKey().get(), settings.secretKey().orElseThrow());
    }

    private static URI bucketUrl(S3BlobSettings settings)
    {
        Optional<URI> endpoint = settings.endpoint();
        if (endpoint.isEmpty()) {
            return URI.create("https://" + settings.bucket() + ".s3." + settings.region() + ".amazonaws.com");
        }
        String base = endpoint.get().toString().replaceAll("/+$", "");
        if (settings.pathStyle()) {
            return URI.create(base + "/" + settings.bucket());
        }
        URI uri = endpoint.get();
        return URI.create(uri.getScheme() + "://" + settings.bucket() + "." + uri.getAuthority());
    }
}
