package dev.kiln.providers.backup;

import dev.kiln.executors.ssh.SshHosts;
import dev.kiln.executors.ssh.SshOptions;
import dev.kiln.executors.ssh.testing.TestHost;
import dev.kiln.executors.ssh.testing.TestHosts;
import dev.kiln.state.blob.FileSystemBlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The kubeadm path end to end over SSH: three test hosts (real sshd, each with its own
 * /etc/kubernetes, /var/lib/etcd and /var/lib/kiln), a real etcd member per host on the
 * host's loopback address, started and stopped by a kubelet stand-in as the host's
 * /etc/kubernetes/manifests/etcd.yaml comes and goes, and a kubectl stand-in script on each
 * host. Kiln snapshots over SSH (etcdctl on the node, streamed back over SFTP) and restores
 * with the static-pod dance, exactly as on a kubeadm control plane without TLS.
 */
@DisplayName("Backups and restores of a kubeadm control plane over SSH")
class KubeadmBackupOverSshTest
{
    private static final String VERSION = "v1.31.2";

    @TempDir
    static Path directory;

    private static TestHosts hosts;
    private static SshHosts ssh;
    private static final List<KubeletStandIn> kubelets = new ArrayList<>();
    private static List<ControlPlaneMember> members;
    private static KubeadmLayout layout;

    @BeforeAll
    static void start()
            throws Exception
    {
        hosts = TestHosts.start(3);
        ssh = SshHosts.open(SshOptions.defaults());
        layout = new KubeadmLayout("/etc/kubernetes/manifests", "/etc/kubernetes/kiln-parked-manifests", "/var/lib/etcd", "/var/lib/kiln/backup",
                Optional.empty(), "kubectl", "etcd-cluster");
        List<int[]> ports = new ArrayList<>();
        StringBuilder initialCluster = new StringBuilder();
        for (TestHost host : hosts.hosts()) {
            int[] pair = {freePort(host.address()), freePort(host.address())};
            ports.add(pair);
            initialCluster.append(initialCluster.isEmpty() ? "" : ",").append(host.hostname()).append("=http://").append(host.address()).append(":").append(pair[1]);
        }
        List<ControlPlaneMember> found = new ArrayList<>();
        for (int index = 0; index < hosts.hosts().size(); index++) {
            TestHost host = hosts.host(index);
            String clientUrl = "http://" + host.address() + ":" + ports.get(index)[0];
            String peerUrl = "http://" + host.address() + ":" + ports.get(index)[1];
            host.installExecutable("kubectl", "#!/bin/sh\nprintf 'apiVersion: v1\\nkind: List\\nitems: []\\n'\n");
            Files.createDirectories(host.path("/etc/kubernetes/manifests"));
            kubelets.add(KubeletStandIn.start(host.path("/etc/kubernetes/manifests"), List.of(
                    "/usr/bin/etcd", "--name", host.hostname(), "--data-dir", host.path("/var/lib/etcd").toString(),
                    "--listen-client-urls", clientUrl, "--advertise-client-urls", clientUrl,
                    "--listen-peer-urls", peerUrl, "--initial-advertise-peer-urls", peerUrl,
                    "--initial-cluster", initialCluster.toString(), "--initial-cluster-state", "new", "--initial-cluster-token", "etcd-cluster"),
                    directory.resolve(host.hostname() + ".log")));
            Files.writeString(host.path("/etc/kubernetes/manifests/etcd.yaml"), "apiVersion: v1\nkind: Pod\nmetadata:\n  name: etcd\n");
            found.add(new ControlPlaneMember(host.hostname(), new SshEtcdHost(ssh.session(hosts.rootConfig(index))), clientUrl, peerUrl));
        }
        members = List.copyOf(found);
        awaitHealthy();
    }

    @AfterAll
    static void stop()
    {
        kubelets.forEach(KubeletStandIn::close);
        if (ssh != null) {
            ssh.close();
        }
        if (hosts != null) {
            hosts.close();
        }
    }

    @Test
    @DisplayName("A snapshot taken over SSH and restored over SSH brings the original keys back on every member, and leaves no scratch file")
    void backupAndRestore()
            throws Exception
    {
        EtcdHost first = members.getFirst().host();
        put(first, "/registry/configmaps/default/settings", "original");
        BackupCatalog catalog = new BackupCatalog("backup_point.local", new FileSystemBlobStore(directory.resolve("point")));
        BackupRecord record = catalog.create(etcd(), VERSION, "over ssh", Clock.systemUTC());
        assertEquals("3.4.23", record.etcdVersion());
        assertTrue(record.size() > 0);
        assertEquals(List.of(), scratchFiles());

        put(first, "/registry/configmaps/default/settings", "changed");
        List<String> steps = new ArrayList<>();
        BackupRestore.restore(catalog, record.id(), etcd(), VERSION, false, (node, step) -> steps.add(node + ": " + step));

        for (ControlPlaneMember member : members) {
            assertEquals("original", get(member, "/registry/configmaps/default/settings"));
            assertTrue(steps.contains(member.host().name() + ": etcd healthy"), steps.toString());
            assertTrue(steps.stream().anyMatch(step -> step.startsWith(member.host().name() + ": stopped the control-plane static pods")), steps.toString());
        }
        for (TestHost host : hosts.hosts()) {
            assertTrue(Files.exists(host.path("/etc/kubernetes/manifests/etcd.yaml")));
            assertTrue(Files.isDirectory(host.path("/var/lib/etcd").resolve(".kiln-before-" + record.id()).resolve("member")));
            assertFalse(Files.exists(host.path("/var/lib/kiln/backup").resolve("restore-" + record.id() + ".db")));
        }
        assertEquals(List.of(), scratchFiles());
    }

    private static StaticPodEtcd etcd()
    {
        return new StaticPodEtcd("cluster.prod", members, layout, Duration.ofSeconds(60));
    }

    private static void put(EtcdHost host, String key, String value)
            throws IOException
    {
        host.require("put a key", layout.etcdctl(members.getFirst().clientUrl(), List.of("put", key, value)));
    }

    private static String get(ControlPlaneMember member, String key)
            throws IOException
    {
        return member.host().require("get a key", layout.etcdctl(member.clientUrl(), List.of("get", "--print-value-only", key))).strip();
    }

    private static List<Path> scratchFiles()
            throws IOException
    {
        List<Path> found = new ArrayList<>();
        for (TestHost host : hosts.hosts()) {
            Path scratch = host.path("/var/lib/kiln/backup");
            if (Files.isDirectory(scratch)) {
                try (var files = Files.list(scratch)) {
                    files.filter(file -> file.getFileName().toString().startsWith("kiln-")).forEach(found::add);
                }
            }
        }
        return found;
    }

    private static void awaitHealthy()
            throws IOException
    {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            try {
                put(members.getFirst().host(), "/health", "ok");
                return;
            }
            catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                EtcdTestCluster.sleep(200);
            }
        }
    }

    private static int freePort(String address)
            throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(address))) {
            return socket.getLocalPort();
        }
    }
}
