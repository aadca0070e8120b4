package dev.kiln.providers.backup;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * The safety rules of a restore, checked before anything is stopped: the backup exists, was
 * taken of this cluster, its snapshot matches its checksum, and it was taken at the
 * Kubernetes minor the cluster runs now (after an upgrade, a pre-upgrade backup would bring
 * back objects the new API server no longer serves) — the last two unless forced.
 */
public final class BackupRestore
{
    private static final Pattern MINOR = Pattern.compile("v?(\\d+)\\.(\\d+)(?:\\..*)?");

    private BackupRestore() {}

    /**
     * Restores backup {@code id} of {@code catalog} onto {@code etcd}'s cluster, which now runs
     * Kubernetes {@code currentVersion}. {@code force} accepts another minor or another cluster's
     * backup; a checksum mismatch is refused always.
     */
    public static BackupRecord restore(BackupCatalog catalog, String id, ClusterEtcd etcd, String currentVersion, boolean force, RestoreProgress progress)
            throws IOException, BackupException
    {
        requireNonNull(catalog, "catalog is null");
        requireNonNull(etcd, "etcd is null");
        requireNonNull(currentVersion, "currentVersion is null");
        requireNonNull(progress, "progress is null");
        BackupRecord record = catalog.find(requireNonNull(id, "id is null"))
                .orElseThrow(() -> new BackupException("No backup " + id + " in " + catalog.point() + ". Run kiln backup list to see the backups."));
        if (!record.cluster().equals(etcd.cluster()) && !force) {
            throw new BackupException("Backup " + id + " was taken of " + record.cluster() + ", not " + etcd.cluster() + ". "
                    + "Restoring it replaces this cluster's data with the other cluster's; add -force if that is what you want.");
        }
        catalog.verify(record);
        progress.step("kiln", "verified the checksum of " + id + " (" + record.size() + " bytes, SHA-256 " + record.sha256() + ")");
        checkMinor(record, currentVersion, force);
        etcd.restore(catalog.snapshot(record), progress);
        return record;
    }

    static void checkMinor(BackupRecord record, String currentVersion, boolean force)
            throws BackupException
    {
        Optional<String> taken = minor(record.kubernetesVersion());
        Optional<String> running = minor(currentVersion);
        if (taken.equals(running) || force) {
            return;
        }
        throw new BackupException("Backup " + record.id() + " was taken at Kubernetes " + record.kubernetesVersion()
                + ", but " + record.cluster() + " now runs " + currentVersion + ". "
                + "A snapshot from another minor version holds objects the running API server may not serve, so Kiln does not restore it. "
                + "Restore a backup taken at " + running.map(minor -> "v" + minor).orElse(currentVersion) + ", or add -force to restore it anyway.");
    }

    /** {@code "1.31"} of {@code v1.31.4}; empty when the text is not a version. */
    static Optional<String> minor(String version)
    {
        Matcher matcher = MINOR.matcher(version);
        return matcher.matches() ? Optional.of(matcher.group(1) + "." + matcher.group(2)) : Optional.empty();
    }
}
