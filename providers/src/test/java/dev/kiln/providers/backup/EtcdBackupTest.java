package dev.kiln.providers.backup;

import dev.kiln.state.blob.BlobStore;
import dev.kiln.state.blob.FileSystemBlobStore;
import dev.kiln.state.blob.S3BlobSettings;
import dev.kiln.state.blob.S3BlobStore;
import org.gaul.s3proxy.junit.S3ProxyJunitCore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Backups and restores of a real three-member etcd (Debian's etcd-server) laid out like a
 * kubeadm control plane, with a kubelet stand-in that starts and stops each member as its
 * static pod manifest comes and goes; backup points in a directory and in S3Proxy.
 */
@DisplayName("etcd backups and restores against a real etcd")
class EtcdBackupTest
{
    private static final String CLUSTER = "cluster.prod";
    private static final String VERSION = "v1.31.2";

    @TempDir
    static Path directory;

    private static EtcdTestCluster etcd;
    private static S3ProxyJunitCore s3;
    private static S3BlobStore s3Store;
    private static FileSystemBlobStore fileStore;
    private static int stores;

    @BeforeAll
    static void start()
            throws Exception
    {
        etcd = EtcdTestCluster.start(directory.resolve("nodes"), 3, 40 + (int) (ProcessHandle.current().pid() % 150));
        s3 = new S3ProxyJunitCore.Builder().withCredentials("access", "secret").build();
        s3.beforeEach();
    }

    @BeforeEach
    void freshPoints()
            throws Exception
    {
        stores++;
        if (s3Store != null) {
            s3Store.close();
        }
        fileStore = new FileSystemBlobStore(directory.resolve("point-" + stores));
        s3Store = S3BlobStore.open(new S3BlobSettings(Optional.of(s3.getUri()), "backups", "us-east-1", "etcd-" + stores,
                Optional.of("access"), Optional.of("secret"), true, S3BlobSettings.MINIMUM_PART_SIZE));
    }

    @AfterAll
    static void stop()
    {
        if (etcd != null) {
            etcd.close();
        }
        if (s3Store != null) {
            s3Store.close();
        }
        if (s3 != null) {
            s3.afterEach();
        }
    }

    @Test
    @DisplayName("Keys written, backed up to S3 and to a directory, changed, restored: the original keys are back on every member")
    void restoresTheOriginalKeys()
            throws Exception
    {
        etcd.etcdctl("put", "/registry/configmaps/default/settings", "original");
        etcd.etcdctl("put", "/registry/namespaces/team-a", "team-a");
        BackupCatalog inS3 = new BackupCatalog("backup_point.minio", s3Store);
        BackupCatalog inDirectory = new BackupCatalog("backup_point.local", fileStore);
        BackupRecord toS3 = inS3.create(etcd.etcd(CLUSTER, Duration.ofSeconds(30)), VERSION, "before the change", Clock.systemUTC());
        BackupRecord toDirectory = inDirectory.create(etcd.etcd(CLUSTER, Duration.ofSeconds(30)), VERSION, "", Clock.systemUTC());
        assertEquals("3.4.23", toS3.etcdVersion());
        assertTrue(toS3.etcdRevision() > 1, "revision " + toS3.etcdRevision());
        assertTrue(toS3.size() > 0);
        assertEquals(List.of(toS3), inS3.list());
        assertEquals(List.of(toDirectory), inDirectory.list());
        assertTrue(Files.isRegularFile(fileStore.root().resolve(toDirectory.id()).resolve("snapshot.db")));
        assertTrue(read(fileStore, toDirectory.objectsKey()).contains("kind: Namespace"));

        etcd.etcdctl("put", "/registry/configmaps/default/settings", "changed");
        etcd.etcdctl("del", "/registry/namespaces/team-a");
        etcd.etcdctl("put", "/registry/namespaces/intruder", "intruder");

        List<String> steps = new ArrayList<>();
        BackupRestore.restore(inS3, toS3.id(), etcd.etcd(CLUSTER, Duration.ofSeconds(30)), VERSION, false, (node, step) -> steps.add(node + ": " + step));
        assertEquals(List.of("/registry/configmaps/default/settings", "original", "/registry/namespaces/team-a", "team-a"), keys());
        for (EtcdTestCluster.Node node : etcd.nodes()) {
            assertTrue(steps.contains(node.address() + ": etcd healthy"), steps.toString());
            assertTrue(steps.stream().anyMatch(step -> step.equals(node.address() + ": restored the snapshot into etcd/.kiln-restore-" + toS3.id() + " as member " + node.name())), steps.toString());
            assertTrue(Files.isDirectory(node.directory().resolve("etcd/.kiln-before-" + toS3.id() + "/member")));
            assertFalse(Files.exists(node.directory().resolve("etcd/.kiln-restore-" + toS3.id())));
            assertTrue(Files.exists(node.directory().resolve("manifests/etcd.yaml")));
        }
        assertEquals(3, etcd.etcdctl("member", "list").strip().lines().count());

        etcd.etcdctl("put", "/registry/configmaps/default/settings", "changed again");
        BackupRestore.restore(inDirectory, toDirectory.id(), etcd.etcd(CLUSTER, Duration.ofSeconds(30)), VERSION, false, (node, step) -> {});
        assertEquals(List.of("/registry/configmaps/default/settings", "original", "/registry/namespaces/team-a", "team-a"), keys());
    }

    @Test
    @DisplayName("A backup whose snapshot was damaged is refused by its checksum before anything is stopped")
    void corruptedBackupRefused()
            throws Exception
    {
        BackupCatalog catalog = new BackupCatalog("backup_point.local", fileStore);
        BackupRecord record = catalog.create(etcd.etcd(CLUSTER, Duration.ofSeconds(30)), VERSION, "", Clock.systemUTC());
        byte[] snapshot;
        try (InputStream content = fileStore.get(record.snapshotKey())) {
            snapshot = content.readAllBytes();
        }
        snapshot[snapshot.length / 2] ^= 0x5a;
        fileStore.put(record.snapshotKey(), new ByteArrayInputStream(snapshot));
        List<String> steps = new ArrayList<>();
        BackupException refused = assertThrows(BackupException.class,
                () -> BackupRestore.restore(catalog, record.id(), etcd.etcd(CLUSTER, Duration.ofSeconds(30)), VERSION, false, (node, step) -> steps.add(step)));
        assertTrue(refused.getMessage().contains("does not match its checksum"), refused.getMessage());
        assertEquals(List.of(), steps);
        etcd.nodes().forEach(node -> assertTrue(node.kubelet().running(), node.name() + " was stopped"));
    }

    @Test
    @DisplayName("A backup from another Kubernetes minor is refused, and restored with force")
    void otherMinorRefusedUnlessForced()
            throws Exception
    {
        BackupCatalog catalog = new BackupCatalog("backup_point.minio", s3Store);
        etcd.etcdctl("put", "/registry/minor", "taken at 1.30");
        BackupRecord record = catalog.create(etcd.etcd(CLUSTER, Duration.ofSeconds(30)), "v1.30.6", "", Clock.systemUTC());
        etcd.etcdctl("put", "/registry/minor", "after the upgrade");
        BackupException refused = assertThrows(BackupException.class,
                () -> BackupRestore.restore(catalog, record.id(), etcd.etcd(CLUSTER, Duration.ofSeconds(30)), VERSION, false, (node, step) -> {}));
        assertTrue(refused.getMessage().contains("taken at Kubernetes v1.30.6, but cluster.prod now runs v1.31.2"), refused.getMessage());
        assertEquals("after the upgrade", value("/registry/minor"));

        BackupRestore.restore(catalog, record.id(), etcd.etcd(CLUSTER, Duration.ofSeconds(30)), VERSION, true, (node, step) -> {});
        assertEquals("taken at 1.30", value("/registry/minor"));
    }

    @Test
    @DisplayName("A backup of another cluster, or one that does not exist, is refused by name")
    void wrongBackupRefused()
            throws Exception
    {
        BackupCatalog catalog = new BackupCatalog("backup_point.local", fileStore);
        BackupRecord record = catalog.create(etcd.etcd("cluster.other", Duration.ofSeconds(30)), VERSION, "", Clock.systemUTC());
        BackupException other = assertThrows(BackupException.class,
                () -> BackupRestore.restore(catalog, record.id(), etcd.etcd(CLUSTER, Duration.ofSeconds(30)), VERSION, false, (node, step) -> {}));
        assertTrue(other.getMessage().contains("was taken of cluster.other, not cluster.prod"), other.getMessage());
        BackupException missing = assertThrows(BackupException.class,
                () -> BackupRestore.restore(catalog, "prod-nothing", etcd.etcd(CLUSTER, Duration.ofSeconds(30)), VERSION, false, (node, step) -> {}));
        assertTrue(missing.getMessage().contains("No backup prod-nothing in backup_point.local"), missing.getMessage());
        assertTrue(catalog.delete(record.id()));
        assertFalse(catalog.find(record.id()).isPresent());
        assertEquals(List.of(), fileStore.list(record.id() + "/"));
    }

    @Test
    @DisplayName("A snapshot leaves no scratch file on the node")
    void noScratchLeft()
            throws Exception
    {
        new BackupCatalog("backup_point.local", fileStore).create(etcd.etcd(CLUSTER, Duration.ofSeconds(30)), VERSION, "", Clock.systemUTC());
        for (EtcdTestCluster.Node node : etcd.nodes()) {
            Path scratch = node.directory().resolve("scratch");
            if (Files.isDirectory(scratch)) {
                try (var files = Files.list(scratch)) {
                    assertEquals(List.of(), files.filter(file -> file.getFileName().toString().startsWith("kiln-")).toList());
                }
            }
        }
    }

    @Test
    @DisplayName("etcd's JSON gateway streams a snapshot of announced length into S3 in one PUT, and etcdctl restores it with its integrity hash checked")
    void gatewaySnapshot()
            throws Exception
    {
        etcd.etcdctl("put", "/gateway", "streamed");
        EtcdGateway gateway = new EtcdGateway(java.net.URI.create(etcd.nodes().getFirst().clientUrl()));
        assertEquals("3.4.23", gateway.status().version());
        var stored = gateway.snapshot(content -> s3Store.put("gateway/snapshot.db", content));
        Path file = directory.resolve("gateway.db");
        try (InputStream content = s3Store.get("gateway/snapshot.db")) {
            Files.copy(content, file);
        }
        assertEquals(stored.size(), Files.size(file));
        CommandResult restored = new LocalEtcdHost("test").run("ETCDCTL_API=3 etcdctl snapshot restore " + file + " --data-dir " + directory.resolve("gateway-restore"));
        assertEquals(0, restored.exitCode(), restored.error());
    }

    private static List<String> keys()
            throws Exception
    {
        return etcd.etcdctl("get", "--prefix", "/registry/").lines().filter(line -> !line.isEmpty())
                .filter(line -> !line.startsWith("/registry/minor") && !line.startsWith("taken at") && !line.equals("after the upgrade"))
                .toList();
    }

    private static String value(String key)
            throws Exception
    {
        return etcd.etcdctl("get", "--print-value-only", key).strip();
    }

    private static String read(BlobStore store, String key)
            throws Exception
    {
        try (InputStream content = store.get(key)) {
            return new String(content.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
