package dev.kiln.providers.backup;

import dev.kiln.state.blob.BlobInfo;
import dev.kiln.state.blob.BlobStore;
import dev.kiln.state.blob.NoSuchBlobException;
import dev.kiln.state.blob.StoredBlob;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

import static java.util.Objects.requireNonNull;

/**
 * The backups kept in one backup point: taking one (snapshot and objects streamed straight
 * into the point, the metadata record written last so a half-taken backup is never listed),
 * listing, finding, verifying and deleting them.
 */
public final class BackupCatalog
{
    private static final int VERIFY_BUFFER = 1 << 20;

    private final String point;
    private final BlobStore store;

    /** {@code point}: the backup point's address ({@code backup_point.minio}), for messages. */
    public BackupCatalog(String point, BlobStore store)
    {
        this.point = requireNonNull(point, "point is null");
        this.store = requireNonNull(store, "store is null");
    }

    public String point()
    {
        return point;
    }

    public BlobStore store()
    {
        return store;
    }

    /**
     * Takes a backup of {@code etcd}'s cluster, which runs Kubernetes {@code kubernetesVersion}:
     * status from a healthy member, the snapshot and the exported objects streamed into the
     * point with their checksums, then the record. A failure removes what was written.
     */
    public BackupRecord create(ClusterEtcd etcd, String kubernetesVersion, String description, Clock clock)
            throws IOException
    {
        return create(etcd, kubernetesVersion, description, clock, requireNonNull(etcd, "etcd is null").cluster());
    }

    /** {@link #create}, the id starting with {@code name} ({@code prod-scheduled}) instead of the cluster's name. */
    BackupRecord create(ClusterEtcd etcd, String kubernetesVersion, String description, Clock clock, String name)
            throws IOException
    {
        requireNonNull(etcd, "etcd is null");
        requireNonNull(kubernetesVersion, "kubernetesVersion is null");
        requireNonNull(description, "description is null");
        EtcdStatus status = etcd.status();
        String id = BackupLayout.newId(name, clock.instant(), RandomGenerator.getDefault());
        try {
            StoredBlob snapshot = etcd.snapshot(content -> store.put(BackupLayout.snapshotKey(id), content));
            StoredBlob objects = etcd.exportObjects(content -> store.put(BackupLayout.objectsKey(id), content));
            BackupRecord record = new BackupRecord(id, etcd.cluster(), kubernetesVersion, status.version(), status.revision(),
                    clock.instant(), snapshot.size(), snapshot.sha256(), objects.size(), objects.sha256(), description);
            store.put(BackupLayout.metadataKey(id), new ByteArrayInputStream(BackupRecordJson.write(record)));
            return record;
        }
        catch (IOException | RuntimeException e) {
            removeQuietly(id, e);
            throw e;
        }
    }

    /** Every complete backup in the point, oldest first. */
    public List<BackupRecord> list()
            throws IOException
    {
        List<BackupRecord> records = new ArrayList<>();
        for (BlobInfo blob : store.list("")) {
            Optional<String> id = BackupLayout.idOfMetadata(blob.key());
            if (id.isPresent()) {
                records.add(read(blob.key()));
            }
        }
        records.sort(Comparator.comparing(BackupRecord::created).thenComparing(BackupRecord::id));
        return List.copyOf(records);
    }

    public Optional<BackupRecord> find(String id)
            throws IOException
    {
        requireNonNull(id, "id is null");
        if (!BackupLayout.isId(id)) {
            return Optional.empty();
        }
        try {
            return Optional.of(read(BackupLayout.metadataKey(id)));
        }
        catch (NoSuchBlobException e) {
            return Optional.empty();
        }
    }

    /** Deletes a backup: its record first (it is no longer listed), then its snapshot and objects. Whether it existed. */
    public boolean delete(String id)
            throws IOException
    {
        if (!BackupLayout.isId(id) || !store.delete(BackupLayout.metadataKey(id))) {
            return false;
        }
        store.delete(BackupLayout.snapshotKey(id));
        store.delete(BackupLayout.objectsKey(id));
        return true;
    }

    /** Reads the whole snapshot and checks its size and SHA-256 against the record. */
    public void verify(BackupRecord record)
            throws IOException, BackupException
    {
        MessageDigest digest = sha256();
        long size = 0;
        try (InputStream content = new DigestInputStream(store.get(record.snapshotKey()), digest)) {
            byte[] buffer = new byte[VERIFY_BUFFER];
            for (int read = content.read(buffer); read >= 0; read = content.read(buffer)) {
                size += read;
            }
        }
        catch (NoSuchBlobException e) {
            throw new BackupException("The snapshot of backup " + record.id() + " is missing from " + point + " (" + store.location() + "). "
                    + "The backup cannot be restored; choose another one from kiln backup list.");
        }
        String actual = HexFormat.of().formatHex(digest.digest());
        if (size != record.size() || !actual.equals(record.sha256())) {
            throw new BackupException("The snapshot of backup " + record.id() + " in " + point + " does not match its checksum: "
                    + "recorded " + record.size() + " bytes with SHA-256 " + record.sha256() + ", found " + size + " bytes with SHA-256 " + actual + ". "
                    + "The file was damaged or changed after the backup was taken; Kiln does not restore it. Choose another backup from kiln backup list.");
        }
    }

    /** The snapshot of {@code record}, to be opened once per member that restores it. */
    public SnapshotSource snapshot(BackupRecord record)
    {
        return new SnapshotSource()
        {
            @Override
            public String id()
            {
                return record.id();
            }

            @Override
            public long size()
            {
                return record.size();
            }

            @Override
            public InputStream open()
                    throws IOException
            {
                return store.get(record.snapshotKey());
            }
        };
    }

    private BackupRecord read(String key)
            throws IOException
    {
        try (InputStream content = store.get(key)) {
            return BackupRecordJson.read(key, content.readAllBytes());
        }
    }

    private void removeQuietly(String id, Exception failure)
    {
        for (String key : List.of(BackupLayout.metadataKey(id), BackupLayout.snapshotKey(id), BackupLayout.objectsKey(id))) {
            try {
                store.delete(key);
            }
            catch (IOException | RuntimeException e) {
                failure.addSuppressed(e);
            }
        }
    }

    private static MessageDigest sha256()
    {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
