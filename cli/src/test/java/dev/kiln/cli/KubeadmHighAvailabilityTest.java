package dev.kiln.cli;

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
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three control planes behind a kube-vip virtual IP and a worker, on four SSH test hosts,
 * through the CLI: created (one init, two control-plane joins, three etcd members); an even
 * count refused; upgraded across two minors as a visible chain (v1.27.16 → v1.28.15, the
 * bundle's newest v1.28, → v1.29.1); shrunk to one control plane only while etcd keeps its
 * quorum; destroyed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KubeadmHighAvailabilityTest
{
    private static final String VIRTUAL_IP = "127.0.0.250";
    private static final String ENDPOINT = """
                endpoint = "%s:6443"
            """.formatted(VIRTUAL_IP);

    private KubeadmTestBed bed;
    private KubeadmWorkspace workspace;

    @BeforeAll
    void start(@TempDir Path temporary)
    {
        bed = KubeadmTestBed.start(4);
        workspace = new KubeadmWorkspace(bed, temporary.resolve("ha"), List.of("v1.27.16", "v1.28.8", "v1.28.15", "v1.29.1"));
    }

    @AfterAll
    void stop()
    {
        bed.close();
    }

    @Test
    @Order(1)
    @DisplayName("Three control planes with a VIP: kube-vip's static pod on each, one kubeadm init, control planes joined one at a time, three etcd members")
    void create()
            throws IOException
    {
        workspace.configure(List.of(0, 1, 2), List.of(3), "v1.27.16", ENDPOINT, "");
        CliRunner.Result plan = workspace.succeed("Plan: 6 to add, 0 to change, 0 to destroy.", "plan");
        assertTrue(plan.out().contains("with endpoint " + VIRTUAL_IP + ":6443 (a kube-vip virtual IP)"), plan.out());
        assertTrue(plan.out().contains("join to the control plane, one at a time (each adds an etcd member): cp-1, cp-2"), plan.out());
        workspace.succeed("Apply complete! Resources: 6 added, 0 changed, 0 destroyed.", "apply", "-auto-approve");
        assertEquals(List.of("cp-0", "cp-1", "cp-2", "w-0"), bed.registeredNodes());
        assertEquals(3, etcdMembers());
        assertEquals(VIRTUAL_IP + ":6443", bed.clusterFile("endpoint"));
        for (int index = 0; index < 3; index++) {
            String manifest = Files.readString(bed.host(index).path("/etc/kubernetes/manifests/kube-vip.yaml"));
            assertTrue(manifest.contains("{name: address, value: \"" + VIRTUAL_IP + "\"}"), manifest);
            assertTrue(manifest.contains("path: /etc/kubernetes/admin.conf"), manifest);
        }
        assertEquals(1, bed.calls(bed.host(0), "kubeadm init --config") + bed.calls(bed.host(1), "kubeadm init --config") + bed.calls(bed.host(2), "kubeadm init --config"));
        workspace.assertNoChanges();
    }

    @Test
    @Order(2)
    @DisplayName("Refused before anything runs: an even control plane, a downgrade, a release the bundle lacks, a new control-plane endpoint, "
            + "and a version changed by hand that the configuration would take back down")
    void refusedPlans()
            throws IOException
    {
        workspace.configure(List.of(0, 1), List.of(3), "v1.27.16", ENDPOINT, "");
        assertRefused("Even number of control plane nodes");
        workspace.configure(List.of(0, 1, 2), List.of(3), "v1.27.10", ENDPOINT, "");
        assertRefused("downgrades are not supported: the cluster runs v1.27.16 and cannot go back to v1.27.10");
        workspace.configure(List.of(0, 1, 2), List.of(3), "v1.30.0", ENDPOINT, "");
        assertRefused("the offline bundle holds no Kubernetes v1.30.0 (it has v1.27.16, v1.28.8, v1.28.15, v1.29.1)");
        workspace.configure(List.of(0, 1, 2), List.of(3), "v1.27.16", "    endpoint = \"127.0.0.251:6443\"\n", "");
        assertRefused("can't change from " + VIRTUAL_IP + ":6443 to 127.0.0.251:6443 in place");
        Path version = bed.cluster().resolve("version");
        try {
            Files.writeString(version, "v1.27.17\n");
            workspace.configure(List.of(0, 1, 2), List.of(3), "v1.27.16", ENDPOINT, "");
            CliRunner.Result plan = assertRefused("downgrades are not supported: the cluster runs v1.27.17 and cannot go back to v1.27.16");
            assertTrue((plan.out() + plan.err()).replaceAll("\\s+", " ").contains("the API server runs v1.27.17, the state recorded v1.27.16"), plan.out() + plan.err());
        }
        finally {
            Files.writeString(version, "v1.27.16\n");
        }
    }

    private CliRunner.Result assertRefused(String reason)
    {
        CliRunner.Result plan = workspace.run("plan");
        assertEquals(ExitCodes.ERROR, plan.exitCode(), plan.out());
        assertTrue(plan.err().replaceAll("\\s+", " ").contains(reason), plan.err());
        return plan;
    }

    @Test
    @Order(3)
    @DisplayName("v1.27.16 → v1.29.1 is a chain through v1.28.15 shown in the plan; every control plane and the worker end at v1.29.1")
    void upgradeChain()
    {
        workspace.configure(List.of(0, 1, 2), List.of(3), "v1.29.1", ENDPOINT, "");
        CliRunner.Result plan = workspace.succeed("Plan: 0 to add, 2 to change, 0 to destroy.", "plan");
        int first = plan.out().indexOf("upgrade from v1.27.16 to v1.28.15: kubeadm upgrade apply on cp-0");
        int second = plan.out().indexOf("upgrade from v1.28.15 to v1.29.1: kubeadm upgrade apply on cp-0");
        assertTrue(first >= 0 && second > first, plan.out());
        workspace.succeed("Apply complete! Resources: 0 added, 2 changed, 0 destroyed.", "apply", "-auto-approve");
        assertEquals("v1.29.1", bed.clusterFile("version"));
        for (String node : bed.registeredNodes()) {
            assertEquals("v1.29.1", bed.clusterFile("nodes/" + node + "/version"), node);
        }
        assertEquals(1, bed.calls(bed.host(0), "kubeadm upgrade apply v1.28.15"));
        assertEquals(1, bed.calls(bed.host(0), "kubeadm upgrade apply v1.29.1"));
        assertEquals(2, bed.calls(bed.host(1), "kubeadm upgrade node"));
        workspace.assertNoChanges();
    }

    @Test
    @Order(4)
    @DisplayName("Shrinking to one control plane stops while etcd would lose quorum, and completes, one member at a time, once the members are healthy")
    void shrinkWithQuorumCheck()
            throws IOException
    {
        Path unhealthy = memberDirectory("cp-2").resolve("unhealthy");
        Files.writeString(unhealthy, "");
        workspace.configure(List.of(0), List.of(3), "v1.29.1", ENDPOINT, "");
        CliRunner.Result refused = workspace.run("apply", "-auto-approve");
        assertEquals(ExitCodes.ERROR, refused.exitCode());
        assertTrue(refused.err().replaceAll("\\s+", " ").contains("etcd has 2 healthy of 3 members; without 127.0.0.3 it would keep 1 healthy of 2, below its quorum of 2"),
                refused.err());
        assertEquals(3, etcdMembers());
        Files.delete(unhealthy);
        workspace.succeed("Apply complete!", "apply", "-auto-approve");
        assertEquals(List.of("cp-0", "w-0"), bed.registeredNodes());
        assertEquals(1, etcdMembers());
        assertFalse(Files.exists(bed.host(2).path("/etc/kubernetes/manifests/kube-vip.yaml")));
        workspace.assertNoChanges();
    }

    @Test
    @Order(5)
    @DisplayName("Destroy leaves no node registered and no etcd member")
    void destroy()
    {
        workspace.succeed("Destroy complete!", "destroy", "-auto-approve");
        assertEquals(List.of(), bed.registeredNodes());
        assertEquals(0, etcdMembers());
        workspace.assertNothingPrinted(KubeadmWorkspace.secrets(bed));
    }

    private long etcdMembers()
            throws UncheckedIOException
    {
        Path members = bed.cluster().resolve("etcd");
        if (!Files.isDirectory(members)) {
            return 0;
        }
        try (Stream<Path> entries = Files.list(members)) {
            return entries.count();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path memberDirectory(String name)
            throws IOException
    {
        try (Stream<Path> entries = Files.list(bed.cluster().resolve("etcd"))) {
            for (Path member : entries.toList()) {
                if (Files.readString(member.resolve("name")).strip().equals(name)) {
                    return member;
                }
            }
        }
        throw new IllegalStateException("no etcd member " + name);
    }
}
