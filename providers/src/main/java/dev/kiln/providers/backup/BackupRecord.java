package dev.kiln.providers.backup;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * The metadata of one backup, kept as JSON next to its snapshot: which cluster at which
 * Kubernetes and etcd versions and revision, when, the snapshot's size and SHA-256, the
 * exported objects' size and SHA-256, and the operator's description ("" when none).
 */
public record BackupRecord(
        String id,
        String cluster,
        String kubernetesVersion,
        String etcdVersion,
        long etcdRevision,
        Instant created,
        long size,
        String sha256,
        long objectsSize,
        String objectsSha256,
        String description)
{
    public BackupRecord
    {
        requireNonNull(id, "id is null");
        requireNonNull(cluster, "cluster is null");
        requireNonNull(kubernetesVersion, "kubernetesVersion is null");
        requireNonNull(etcdVersion, "etcdVersion is null");
        requireNonNull(created, "created is null");
        requireNonNull(sha256, "sha256 is null");
        requireNonNull(objectsSha256, "objectsSha256 is null");
        description = description == null ? "" : description;
    }

    /** The key of the etcd snapshot in the backup point. */
    public String snapshotKey()
    {
        return BackupLayout.snapshotKey(id);
    }

    /** The key of the exported Kubernetes objects (YAML) in the backup point. */
    public String objectsKey()
    {
        return BackupLayout.objectsKey(id);
    }
}
