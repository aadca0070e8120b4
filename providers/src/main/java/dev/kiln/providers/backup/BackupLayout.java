package dev.kiln.providers.backup;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Where a backup's blobs live in a backup point: {@code <id>/snapshot.db},
 * {@code <id>/objects.yaml} and, written last so only complete backups are listed,
 * {@code <id>/backup.json}. An id is the cluster's name, the UTC time and a random suffix:
 * {@code prod-20260102T030405Z-9f3a}.
 */
final class BackupLayout
{
    static final String SNAPSHOT = "snapshot.db";
    static final String OBJECTS = "objects.yaml";
    static final String METADATA = "backup.json";

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,200}");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private BackupLayout() {}

    static String newId(String cluster, Instant now, RandomGenerator random)
    {
        String name = cluster.startsWith("cluster.") ? cluster.substring("cluster.".length()) : cluster;
        String safe = name.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^[^A-Za-z0-9]+", "");
        byte[] suffix = new byte[2];
        random.nextBytes(suffix);
        return (safe.isEmpty() ? "cluster" : safe) + "-" + TIME.format(now) + "-" + HexFormat.of().formatHex(suffix);
    }

    static boolean isId(String text)
    {
        return ID.matcher(text).matches();
    }

    static String snapshotKey(String id)
    {
        return id + "/" + SNAPSHOT;
    }

    static String objectsKey(String id)
    {
        return id + "/" + OBJECTS;
    }

    static String metadataKey(String id)
    {
        return id + "/" + METADATA;
    }

    /** The id of a metadata key, {@code <id>/backup.json}; empty for every other key. */
    static Optional<String> idOfMetadata(String key)
    {
        if (!key.endsWith("/" + METADATA)) {
            return Optional.empty();
        }
        String id = key.substring(0, key.length() - METADATA.length() - 1);
        return isId(id) ? Optional.of(id) : Optional.empty();
    }
}
