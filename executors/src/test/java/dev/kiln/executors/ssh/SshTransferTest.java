package dev.kiln.executors.ssh;

import dev.kiln.executors.ssh.testing.TestHosts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("SFTP uploads and remote reads")
class SshTransferTest
{
    private static TestHosts hosts;

    @TempDir
    Path directory;

    @BeforeAll
    static void start()
    {
        hosts = TestHosts.start(2);
    }

    @AfterAll
    static void stop()
    {
        hosts.close();
    }

    @Test
    @DisplayName("an upload creates the directory, writes the bytes with the mode, and a second run skips it when the SHA-256 matches")
    void uploadThenSkip()
            throws Exception
    {
        Path local = file("kubelet.conf", 100_000);
        UploadResult first;
        try (SshHosts ssh = SshHosts.open(SshOptions.defaults())) {
            first = ssh.session(hosts.rootConfig(0)).upload("copy kubelet config", local, "/etc/kiln/new/dir/kubelet.conf", 0600, TransferProgress.NONE);
        }
        Path remote = hosts.host(0).path("/etc/kiln/new/dir/kubelet.conf");
        assertFalse(first.skipped());
        assertEquals(100_000, first.bytes());
        assertArrayEquals(Files.readAllBytes(local), Files.readAllBytes(remote));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(remote)));
        try (SshHosts ssh = SshHosts.open(SshOptions.defaults())) {
            UploadResult second = ssh.session(hosts.rootConfig(0)).upload("copy kubelet config", local, "/etc/kiln/new/dir/kubelet.conf");
            assertTrue(second.skipped());
            assertEquals(first.sha256(), second.sha256());
        }
        try (InputStream input = Files.newInputStream(local)) {
            assertEquals(first.sha256(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(input.readAllBytes())));
        }
        assertEquals(List.of("kubelet.conf"), Files.list(remote.getParent()).map(path -> path.getFileName().toString()).toList(), "no temporary left");
    }

    @Test
    @DisplayName("while an upload is in flight the target keeps its old content; the new one appears whole, by rename")
    void renameIsAtomic()
            throws Exception
    {
        Path remote = hosts.host(1).path("/var/lib/kiln/bundle.tar");
        Files.createDirectories(remote.getParent());
        Files.writeString(remote, "old bundle");
        Path local = file("bundle.tar", 8 * 1024 * 1024);
        List<String> seenDuringTransfer = new CopyOnWriteArrayList<>();
        List<Long> reported = new CopyOnWriteArrayList<>();
        TransferProgress progress = (host, path, transferred, total) -> {
            reported.add(transferred);
            seenDuringTransfer.add(readQuietly(remote));
        };
        try (SshHosts ssh = SshHosts.open(SshOptions.defaults())) {
            ssh.session(hosts.rootConfig(1)).upload("upload bundle", local, "/var/lib/kiln/bundle.tar", 0644, progress);
        }
        assertFalse(seenDuringTransfer.isEmpty());
        assertTrue(seenDuringTransfer.stream().allMatch("old bundle"::equals), "the target changed before the rename");
        assertEquals(8L * 1024 * 1024, reported.getLast());
        assertArrayEquals(Files.readAllBytes(local), Files.readAllBytes(remote));
    }

    @Test
    @DisplayName("concurrent requests for the same file on one host share one upload")
    void concurrentUploadsDeduplicated()
            throws Exception
    {
        Path local = file("images.tar", 2 * 1024 * 1024);
        try (SshHosts ssh = SshHosts.open(SshOptions.defaults().withLogDirectory(directory.resolve("logs")));
                ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<UploadResult>> uploads = new ArrayList<>();
            for (int index = 0; index < 6; index++) {
                uploads.add(executor.submit(() -> ssh.session(hosts.rootConfig(0)).upload("upload images", local, "/var/lib/kiln/images.tar")));
            }
            for (Future<UploadResult> upload : uploads) {
                assertEquals(2L * 1024 * 1024, upload.get().bytes());
            }
        }
        long transfers = Files.readAllLines(directory.resolve("logs/host-0.log")).stream().filter(line -> line.contains("--- uploaded images.tar")).count();
        assertEquals(1, transfers);
    }

    @Test
    @DisplayName("different files upload to one host at once, beside busy commands filling every channel")
    void concurrentDifferentUploads()
            throws Exception
    {
        try (SshHosts ssh = SshHosts.open(SshOptions.defaults()); ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            SshSession session = ssh.session(hosts.rootConfig(1));
            List<Future<?>> work = new ArrayList<>();
            for (int index = 0; index < 12; index++) {
                int number = index;
                work.add(executor.submit(() -> session.run("busy " + number, "sleep 0.2; echo " + number)));
            }
            List<Path> files = new ArrayList<>();
            for (int index = 0; index < 5; index++) {
                Path file = file("part-" + index, 500_000 + index);
                files.add(file);
                work.add(executor.submit(() -> session.upload("upload parts", file, "/var/lib/kiln/parts/" + file.getFileName())));
            }
            for (Future<?> future : work) {
                future.get(60, TimeUnit.SECONDS);
            }
            for (Path file : files) {
                assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(hosts.host(1).path("/var/lib/kiln/parts/" + file.getFileName())));
            }
        }
    }

    @Test
    @DisplayName("a file whose content changed during the run is uploaded again")
    void changedContentUploadedAgain()
            throws Exception
    {
        Path local = directory.resolve("kubeadm.yaml");
        try (SshHosts ssh = SshHosts.open(SshOptions.defaults())) {
            SshSession session = ssh.session(hosts.rootConfig(1));
            Files.writeString(local, "version: 1\n");
            assertFalse(session.upload("render config", local, "/etc/kubernetes/kubeadm.yaml").skipped());
            Files.writeString(local, "version: 2, longer\n");
            assertFalse(session.upload("render config", local, "/etc/kubernetes/kubeadm.yaml").skipped());
        }
        assertEquals("version: 2, longer\n", Files.readString(hosts.host(1).path("/etc/kubernetes/kubeadm.yaml")));
    }

    @Test
    @DisplayName("a sudo user's upload to a root-owned directory lands owned by root")
    void uploadThroughSudo()
            throws Exception
    {
        Path local = file("manifest.yaml", 1000);
        try (SshHosts ssh = SshHosts.open(SshOptions.defaults())) {
            SshSession session = ssh.session(hosts.userConfig(1));
            session.upload("write manifest", local, "/etc/kubernetes/manifests/kube-vip.yaml");
            assertEquals("root 644\n", session.run("owner", "stat -c '%U %a' /etc/kubernetes/manifests/kube-vip.yaml").stdout());
            assertEquals("", session.run("leftovers", "ls -A /tmp").stdout());
        }
        assertArrayEquals(Files.readAllBytes(local), Files.readAllBytes(hosts.host(1).path("/etc/kubernetes/manifests/kube-vip.yaml")));
    }

    @Test
    @DisplayName("remote files are streamed back and downloaded, as root through sudo too; a missing file names the host and step")
    void readAndDownload()
            throws Exception
    {
        byte[] snapshot = new byte[3 * 1024 * 1024 + 17];
        new Random(7).nextBytes(snapshot);
        Path remote = hosts.host(0).path("/var/lib/etcd/snapshot.db");
        Files.write(remote, snapshot);
        Files.setPosixFilePermissions(remote, PosixFilePermissions.fromString("rw-------"));
        try (SshHosts ssh = SshHosts.open(SshOptions.defaults())) {
            try (InputStream input = ssh.session(hosts.rootConfig(0)).read("stream snapshot", "/var/lib/etcd/snapshot.db")) {
                assertArrayEquals(snapshot, input.readAllBytes());
            }
            Path local = directory.resolve("backups/snapshot.db");
            ssh.session(hosts.userConfig(0)).download("download snapshot", "/var/lib/etcd/snapshot.db", local);
            assertArrayEquals(snapshot, Files.readAllBytes(local));
            assertEquals("", ssh.session(hosts.userConfig(0)).run("leftovers", "ls -A /tmp").stdout());
            HostCommandException missing = assertThrows(HostCommandException.class,
                    () -> ssh.session(hosts.rootConfig(0)).read("stream snapshot", "/var/lib/etcd/missing.db"));
            assertEquals("host-0", missing.host());
            assertTrue(missing.getMessage().startsWith("Step \"stream snapshot\" failed on host-0: cannot read /var/lib/etcd/missing.db"), missing.getMessage());
        }
    }

    private Path file(String name, int size)
            throws Exception
    {
        byte[] content = new byte[size];
        new Random(size).nextBytes(content);
        Path file = directory.resolve(name);
        Files.write(file, content);
        return file;
    }

    private static String readQuietly(Path file)
    {
        try {
            return Files.size(file) < 100 ? Files.readString(file) : "(" + Files.size(file) + " bytes)";
        }
        catch (Exception e) {
            return "(missing)";
        }
    }
}
