package dev.kiln.providers.backup;

import dev.kiln.state.blob.BlobStore;
import dev.kiln.state.blob.FileSystemBlobStore;
import dev.kiln.state.blob.S3BlobSettings;
import dev.kiln.state.blob.S3BlobStore;
import org.gaul.s3proxy.junit.S3ProxyJunitCore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The script Kiln installs for scheduled backups, run for real: on every member of a real
 * three-member etcd (only the leader's node backs up), into a directory and into S3Proxy
 * through curl's AWS signatures, keeping the newest {@code keep} scheduled backups and never
 * touching one taken by hand. Kiln's own catalog lists what the script wrote and verifies it.
 */
@DisplayName("Scheduled backups: the node script against a real etcd")
class ScheduledBackupScriptTest
{
    private static final String VERSION = "v1.31.2";

    @TempDir
    static Path directory;

    private static EtcdTestCluster etcd;
    private static S3ProxyJunitCore s3;

    @BeforeAll
    static void start()
            throws Exception
    {
        etcd = EtcdTestCluster.start(directory.resolve("nodes"), 3, 60 + (int) (ProcessHandle.current().pid() % 150));
        s3 = new S3ProxyJunitCore.Builder().withCredentials("access", "secret").build();
        s3.beforeEach();
    }

    @AfterAll
    static void stop()
    {
        if (etcd != null) {
            etcd.close();
        }
        if (s3 != null) {
            s3.afterEach();
        }
    }

    @Test
    @DisplayName("Into a directory: one backup per run from the leader's node, the newest two kept, a manual backup left alone")
    void directory()
            throws Exception
    {
        Path point = directory.resolve("point");
        Files.createDirectories(point);
        BackupCatalog catalog = new BackupCatalog("backup_point.local", new FileSystemBlobStore(point));
        BackupRecord manual = catalog.create(etcd.etcd("cluster.prod", Duration.ofSeconds(30)), VERSION, "by hand", Clock.systemUTC());
        ScheduledBackup backup = new ScheduledBackup("cluster.prod", new CronSchedule("0 */12 * * *"), 2, true, new ScheduledBackup.Directory(point.toString()));
        runRounds(backup, 3);
        checkCatalog(catalog, manual);
    }

    @Test
    @DisplayName("Into S3 with curl: the same backups and retention, readable and verifiable by Kiln")
    void bucket()
            throws Exception
    {
        try (BlobStore store = S3BlobStore.open(new S3BlobSettings(Optional.of(s3.getUri()), "scheduled", "us-east-1", "etcd/",
                Optional.of("access"), Optional.of("secret"), true, S3BlobSettings.MINIMUM_PART_SIZE))) {
            BackupCatalog catalog = new BackupCatalog("backup_point.minio", store);
            BackupRecord manual = catalog.create(etcd.etcd("cluster.prod", Duration.ofSeconds(30)), VERSION, "by hand", Clock.systemUTC());
            ScheduledBackup backup = new ScheduledBackup("cluster.prod", new CronSchedule("@daily"), 2, true,
                    new ScheduledBackup.Bucket(URI.create(s3.getUri().toString().replaceAll("/+$", "") + "/scheduled"), "etcd/", "us-east-1", "access", "secret"));
            runRounds(backup, 3);
            checkCatalog(catalog, manual);
        }
    }

    private static void runRounds(ScheduledBackup backup, int rounds)
            throws Exception
    {
        for (int round = 0; round < rounds; round++) {
            if (round > 0) {
                EtcdTestCluster.sleep(1_100);
            }
            for (ControlPlaneMember member : etcd.members()) {
                Path node = directory.resolve("scheduled-" + member.name());
                Files.createDirectories(node);
                KubeadmLayout layout = new KubeadmLayout("unused", "unused", "unused", node.resolve("scratch").toString(), Optional.empty(),
                        etcd.layout().kubectl(), "etcd-cluster");
                for (ScheduledBackupUnits.NodeFile file : ScheduledBackupUnits.files(backup, layout, member.clientUrl(), VERSION)) {
                    Path local = node.resolve(Path.of(file.path()).getFileName().toString());
                    Files.writeString(local, file.content());
                    Files.setPosixFilePermissions(local, PosixFilePermissions.fromString(file.mode() == 0755 ? "rwxr-xr-x" : file.mode() == 0600 ? "rw-------" : "rw-r--r--"));
                }
                CommandResult result = new LocalEtcdHost("node").run("sh " + node.resolve("etcd-backup.sh") + " " + node.resolve("etcd-backup.env"));
                assertEquals(0, result.exitCode(), result.output() + result.error());
            }
        }
    }

    private static void checkCatalog(BackupCatalog catalog, BackupRecord manual)
            throws Exception
    {
        List<BackupRecord> backups = catalog.list();
        List<BackupRecord> scheduled = backups.stream().filter(record -> record.id().startsWith("prod-scheduled-")).toList();
        assertEquals(2, scheduled.size(), backups.toString());
        assertTrue(backups.contains(manual), backups.toString());
        for (BackupRecord record : scheduled) {
            catalog.verify(record);
            assertEquals("cluster.prod", record.cluster());
            assertEquals(VERSION, record.kubernetesVersion());
            assertEquals("3.4.23", record.etcdVersion());
            assertEquals("scheduled", record.description());
        }
    }
}
