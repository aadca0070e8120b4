package dev.kiln.cli;

import dev.kiln.executors.ssh.SshHosts;
import dev.kiln.executors.ssh.SshOptions;
import dev.kiln.executors.ssh.testing.TestHost;
import dev.kiln.providers.kubeadm.testing.KubeadmTestBed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A kubeadm cluster's life through the CLI on five real SSH test hosts, each step followed by a
 * plan that says "No changes.": one control plane and two workers from scratch, two workers
 * added, one removed, an upgrade from v1.28.8 to v1.29.1 (openFuyao's path), destroy. Nothing
 * secret appears in any output or host log.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KubeadmLifecycleTest
{
    private static final String FROM = "v1.28.8";
    private static final String TO = "v1.29.1";
    private static final String REGISTRY = """
            registry "local" {
              insecure = true
              mirrors  = ["docker.io", "registry.k8s.io"]

              managed {
                node        = node.cp[0]
                port        = %d
                storage_dir = "/var/lib/docker-registry"
              }
            }

            """;
    private static final String REGISTRY_REFERENCE = "  registry = registry.local\n";

    private KubeadmTestBed bed;
    private KubeadmWorkspace workspace;
    private int registryPort;

    @BeforeAll
    void start(@TempDir Path temporary)
    {
        bed = KubeadmTestBed.start(5);
        workspace = new KubeadmWorkspace(bed, temporary.resolve("lab"), List.of(FROM, TO));
        registryPort = RegistryProbe.freePort(bed.host(0).address());
    }

    @AfterAll
    void stop()
    {
        bed.close();
    }

    @Test
    @Order(1)
    @DisplayName("One control plane and two workers from scratch, with a managed registry: kubeadm init once, joins, Calico, every node trusting the registry, "
            + "kubeconfig as a sensitive output that kubectl can use")
    void create()
            throws Exception
    {
        workspace.preamble(REGISTRY.formatted(registryPort));
        workspace.configure(List.of(0), List.of(1, 2), FROM, "", REGISTRY_REFERENCE);
        CliRunner.Result plan = workspace.succeed("Plan: 6 to add, 0 to change, 0 to destroy.", "plan");
        assertTrue(plan.out().contains("kubeadm init on cp-0 (" + bed.host(0).address() + ")"), plan.out());
        workspace.succeed("Apply complete! Resources: 6 added, 0 changed, 0 destroyed.", "apply", "-auto-approve");
        assertEquals(List.of("cp-0", "w-0", "w-1"), bed.registeredNodes());
        String registry = bed.host(0).address() + ":" + registryPort;
        assertTrue(Files.readString(bed.host(0).path("/etc/docker/registry/config.yml")).contains("rootdirectory: \"/var/lib/docker-registry\""));
        assertEquals(200, RegistryProbe.status("http://" + registry + "/v2/"), "Debian's docker-registry answers on the node's address");
        assertFalse(bed.state(bed.host(0), "units/docker-registry/pid").isBlank());
        for (int index = 0; index < 3; index++) {
            String hosts = Files.readString(bed.host(index).path("/etc/containerd/certs.d/docker.io/hosts.toml"));
            assertTrue(hosts.contains("[host.\"http://" + registry + "\"]") && hosts.contains("skip_verify = true"), hosts);
            assertTrue(Files.readString(bed.host(index).path("/etc/containerd/config.toml")).contains("sandbox_image = \"registry.k8s.io/pause:3.9\""));
        }
        assertEquals(FROM, bed.clusterFile("version"));
        assertHostLogsInRunFolder();
        assertEquals(1, bed.calls(bed.host(0), "kubeadm init --config"));
        assertTrue(bed.clusterFile("objects/Installation_default").contains("encapsulation: IPIP"));
        workspace.assertNoChanges();
        assertFalse(workspace.succeed("will be destroyed", "plan", "-destroy").out().contains("PRIVATE KEY"));
        CliRunner.Result kubeconfig = workspace.reveal("output", "-raw", "kubeconfig");
        assertEquals(bed.clusterFile("admin.conf"), kubeconfig.out().strip());
        assertEquals("<sensitive>\n", workspace.run("output", "kubeconfig").out());
        Path written = workspace.directory().resolve("admin.kubeconfig");
        Files.writeString(written, kubeconfig.out());
        assertTrue(Files.readString(written).contains("server: https://" + bed.host(0).address() + ":6443"));
    }

    /**
     * The apply's run folder (the one holding cluster.lab's action log) holds one log per host,
     * each line naming the host and the step; no folder of host logs exists beside the runs.
     */
    private void assertHostLogsInRunFolder()
            throws IOException
    {
        Path logs = workspace.directory().resolve(".kiln").resolve("logs");
        List<Path> runs;
        try (Stream<Path> folders = Files.list(logs)) {
            runs = folders.filter(folder -> Files.exists(folder.resolve("cluster.lab.log"))).toList();
        }
        assertEquals(1, runs.size(), runs::toString);
        for (int index = 0; index < 3; index++) {
            String address = bed.host(index).address();
            Path file = runs.getFirst().resolve(address + ".log");
            assertTrue(Files.exists(file), () -> "no host log " + file);
            List<String> lines = Files.readAllLines(file);
            assertFalse(lines.isEmpty(), file::toString);
            assertTrue(lines.stream().allMatch(line -> line.matches("\\S+ " + address.replace(".", "\\.") + " \\[[^\\]]+\\] .*")), () -> String.join("\n", lines));
        }
        assertTrue(Files.readString(runs.getFirst().resolve(bed.host(0).address() + ".log")).contains("[kubeadm init]"));
        try (Stream<Path> folders = Files.list(logs)) {
            assertTrue(folders.noneMatch(folder -> folder.getFileName().toString().endsWith("-hosts")));
        }
        workspace.assertNothingPrinted(KubeadmWorkspace.secrets(bed));
    }

    @Test
    @Order(2)
    @DisplayName("Two workers added: only they are prepared and joined; the first three hosts see no kubeadm again")
    void addWorkers()
    {
        workspace.configure(List.of(0), List.of(1, 2, 3, 4), FROM, "", REGISTRY_REFERENCE);
        CliRunner.Result plan = workspace.succeed("Plan: 2 to add, 1 to change, 0 to destroy.", "plan");
        assertTrue(plan.out().contains("prepare and join 2 worker(s) in parallel: w-2, w-3"), plan.out());
        workspace.succeed("Apply complete! Resources: 2 added, 1 changed, 0 destroyed.", "apply", "-auto-approve");
        assertEquals(List.of("cp-0", "w-0", "w-1", "w-2", "w-3"), bed.registeredNodes());
        assertEquals(1, bed.calls(bed.host(1), "kubeadm join"));
        assertEquals(1, bed.calls(bed.host(4), "kubeadm join"));
        workspace.assertNoChanges();
    }

    @Test
    @Order(3)
    @DisplayName("One worker removed: cordoned, drained, deleted and its host reset (kubelet stopped, /etc/kubernetes emptied, KUBE- chains gone, a pod volume left mounted unmounted)")
    void removeWorker()
    {
        TestHost leaving = bed.host(4);
        bed.setState(leaving, "iptables", "*filter\n:KUBE-FORWARD - [0:0]\n-A FORWARD -j KUBE-FORWARD\n:INPUT ACCEPT [0:0]\nCOMMIT\n");
        String volume = "/var/lib/kubelet/pods/1234/volumes/kubernetes.io~empty-dir/cache";
        try (SshHosts ssh = SshHosts.open(SshOptions.defaults())) {
            ssh.session(bed.hosts().rootConfig(4)).run("leave a pod volume mounted", "mkdir -p " + volume + " && mount -t tmpfs tmpfs " + volume);
        }
        workspace.configure(List.of(0), List.of(1, 2, 3), FROM, "", REGISTRY_REFERENCE);
        CliRunner.Result plan = workspace.succeed("Plan: 0 to add, 1 to change, 1 to destroy.", "plan");
        assertTrue(plan.out().contains("cordon, drain (5 min timeout), delete and reset 1 worker(s): " + leaving.address()), plan.out());
        workspace.succeed("Apply complete! Resources: 0 added, 1 changed, 1 destroyed.", "apply", "-auto-approve");
        assertEquals(List.of("cp-0", "w-0", "w-1", "w-2"), bed.registeredNodes());
        assertEquals(1, bed.calls(bed.host(0), "kubectl --kubeconfig /etc/kubernetes/admin.conf drain w-3") + bed.calls(bed.host(0), "kubectl drain w-3"));
        assertEquals("inactive\n", bed.state(leaving, "units/kubelet/state"));
        assertFalse(Files.exists(leaving.path("/etc/kubernetes/kubelet.conf")));
        assertFalse(bed.state(leaving, "iptables").contains("KUBE-"));
        assertTrue(bed.state(leaving, "iptables").contains(":INPUT ACCEPT"));
        try (SshHosts ssh = SshHosts.open(SshOptions.defaults())) {
            assertFalse(ssh.session(bed.hosts().rootConfig(4)).run("read the mounts", "cat /proc/mounts").stdout().contains("/var/lib/kubelet/pods"));
        }
        workspace.assertNoChanges();
    }

    @Test
    @Order(4)
    @DisplayName("Upgrade v1.28.8 → v1.29.1: kubeadm upgrade apply on the control plane, then the workers in batches; every kubelet at v1.29.1")
    void upgrade()
    {
        workspace.configure(List.of(0), List.of(1, 2, 3), TO, "", REGISTRY_REFERENCE);
        CliRunner.Result plan = workspace.succeed("Plan: 0 to add, 2 to change, 0 to destroy.", "plan");
        assertTrue(plan.out().contains("upgrade from " + FROM + " to " + TO + ": kubeadm upgrade apply on cp-0"), plan.out());
        workspace.succeed("Apply complete! Resources: 0 added, 2 changed, 0 destroyed.", "apply", "-auto-approve");
        assertEquals(TO, bed.clusterFile("version"));
        for (String node : bed.registeredNodes()) {
            assertEquals(TO, bed.clusterFile("nodes/" + node + "/version"), node);
            assertEquals("false", bed.clusterFile("nodes/" + node + "/unschedulable"), node);
        }
        assertEquals(1, bed.calls(bed.host(0), "kubeadm upgrade apply " + TO));
        assertEquals(1, bed.calls(bed.host(1), "kubeadm upgrade node"));
        workspace.assertNoChanges();
    }

    @Test
    @Order(5)
    @DisplayName("Drift read over SSH: a NotReady node and a worker deleted by hand are reported; the apply resets that worker and joins it again")
    void drift()
            throws IOException
    {
        Files.writeString(bed.cluster().resolve("nodes/w-0/ready"), "false\n");
        try (Stream<Path> files = Files.walk(bed.cluster().resolve("nodes/w-1"))) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
        CliRunner.Result plan = workspace.succeed("Plan: 0 to add, 1 to change, 0 to destroy.", "plan");
        String printed = (plan.out() + plan.err()).replaceAll("\\s+", " ");
        assertTrue(printed.contains("node w-0 is NotReady"), printed);
        assertTrue(printed.contains("w-1 (" + bed.host(2).address() + ") is not registered with the API server; the plan joins it again"), printed);
        assertTrue(plan.out().contains("prepare and join 1 worker(s) in parallel: w-1"), plan.out());
        Files.writeString(bed.cluster().resolve("nodes/w-0/ready"), "true\n");
        workspace.succeed("Apply complete! Resources: 0 added, 1 changed, 0 destroyed.", "apply", "-auto-approve");
        assertEquals(List.of("cp-0", "w-0", "w-1", "w-2"), bed.registeredNodes());
        assertEquals(TO, bed.clusterFile("nodes/w-1/version"));
        assertEquals(1, bed.calls(bed.host(2), "kubeadm reset"));
        workspace.assertNoChanges();
    }

    @Test
    @Order(6)
    @DisplayName("Destroy: workers drained and reset, then the control plane; nothing registered, no secret in any output or log")
    void destroy()
    {
        List<String> secrets = KubeadmWorkspace.secrets(bed);
        workspace.succeed("Destroy complete! Resources: 7 destroyed.", "destroy", "-auto-approve");
        assertFalse(Files.exists(bed.host(0).path("/etc/docker/registry/config.yml")));
        assertEquals(-1, RegistryProbe.status("http://" + bed.host(0).address() + ":" + registryPort + "/v2/"), "the registry process was stopped");
        assertEquals(List.of(), bed.registeredNodes());
        for (int index = 0; index < 4; index++) {
            assertFalse(Files.exists(bed.host(index).path("/etc/kubernetes/kubelet.conf")), "host " + index);
        }
        workspace.succeed("No changes.", "plan", "-destroy");
        workspace.assertNothingPrinted(secrets);
    }
}
