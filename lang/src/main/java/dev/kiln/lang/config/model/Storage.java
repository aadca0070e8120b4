package dev.kiln.lang.config.model;

import dev.kiln.lang.diag.SourceRange;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** {@code storage "nfs" {...}} or {@code storage "ceph" {...}}: a storage class and its provisioner. */
public sealed interface Storage
{
    String NFS = "nfs";
    String CEPH = "ceph";
    List<String> DRIVERS = List.of(NFS, CEPH);
    String NFS_DEFAULT_CLASS = "nfs-sc";
    String CEPH_DEFAULT_CLASS = "ceph-rbd";
    List<String> RECLAIM_POLICIES = List.of("Delete", "Retain");

    Setting<String> storageClass();

    Setting<Boolean> defaultClass();

    Setting<String> reclaimPolicy();

    Setting<List<String>> mountOptions();

    SourceRange range();

    record Nfs(
            Setting<String> storageClass,
            Setting<Boolean> defaultClass,
            Setting<String> reclaimPolicy,
            Setting<List<String>> mountOptions,
            Setting<String> server,
            Setting<String> path,
            Setting<Boolean> archiveOnDelete,
            Setting<Integer> replicas,
            SourceRange range)
            implements Storage
    {
        public Nfs
        {
            requireNonNull(storageClass, "storageClass is null");
            requireNonNull(defaultClass, "defaultClass is null");
            requireNonNull(reclaimPolicy, "reclaimPolicy is null");
            requireNonNull(mountOptions, "mountOptions is null");
            requireNonNull(server, "server is null");
            requireNonNull(path, "path is null");
            requireNonNull(archiveOnDelete, "archiveOnDelete is null");
            requireNonNull(replicas, "replicas is null");
            requireNonNull(range, "range is null");
        }
    }

    /** Ceph RBD; {@code key} is sensitive. */
    record Ceph(
            Setting<String> storageClass,
            Setting<Boolean> defaultClass,
            Setting<String> reclaimPolicy,
            Setting<List<String>> mountOptions,
            Setting<List<String>> monitors,
            Setting<String> clusterId,
            Setting<String> pool,
            Setting<String> user,
            Optional<Setting<String>> key,
            Setting<String> filesystemType,
            SourceRange range)
            implements Storage
    {
        public Ceph
        {
            requireNonNull(storageClass, "storageClass is null");
            requireNonNull(defaultClass, "defaultClass is null");
            requireNonNull(reclaimPolicy, "reclaimPolicy is null");
            requireNonNull(mountOptions, "mountOptions is null");
            requireNonNull(monitors, "monitors is null");
            requireNonNull(clusterId, "clusterId is null");
            requireNonNull(pool, "pool is null");
            requireNonNull(user, "user is null");
            requireNonNull(key, "key is null");
            requireNonNull(filesystemType, "filesystemType is null");
            requireNonNull(range, "range is null");
        }
    }
}
