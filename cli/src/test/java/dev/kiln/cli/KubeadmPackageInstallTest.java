package dev.kiln.cli;

import dev.kiln.providers.kubeadm.render.Calico;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A cluster without an offline bundle: containerd, kubeadm, kubelet and kubectl from the
 * package repository (the apt-get stand-in's packages), held at the release, versions verified
 * by the tools themselves; Calico's operator from its release URL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KubeadmPackageInstallTest
{
    private static final String VERSION = "v1.29.1";

    private KubeadmTestBed bed;
    private KubeadmWorkspace workspace;

    @BeforeAll
    void start(@TempDir Path temporary)
    {
        bed = KubeadmTestBed.start(1);
        workspace = new KubeadmWorkspace(bed, temporary.resolve("lab"), List.of());
        workspace.online();
        bed.packageRepository(bed.host(0), List.of(VERSION));
        bed.web(Calico.operatorUrl(Calico.DEFAULT_VERSION), """
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: tigera-operator
                """);
    }

    @AfterAll
    void stop()
    {
        bed.close();
    }

    @Test
    @Order(1)
    @DisplayName("A release the repository does not offer fails the install the way apt does, naming the host and step")
    void unknownVersion()
    {
        workspace.configure(List.of(0), List.of(), "v1.29.2", "", "");
        CliRunner.Result result = workspace.run("apply", "-auto-approve");
        assertNotEquals(ExitCodes.OK, result.exitCode(), result::out);
        String printed = result.out() + result.err();
        assertTrue(printed.contains("E: Version '1.29.2-*' for 'kubeadm' was not found") && printed.contains("install kubeadm, kubelet, kubectl v1.29.2"), printed);
        assertEquals("", bed.state(bed.host(0), "dpkg/kubeadm"));
        assertEquals("1.7.22-1\n", bed.state(bed.host(0), "dpkg/containerd"));
    }

    @Test
    @Order(2)
    @DisplayName("One control plane from the package repository: packages at the release and held, the node registered at it, a second plan has no changes")
    void create()
    {
        workspace.configure(List.of(0), List.of(), VERSION, "", "");
        workspace.succeed("Apply complete!", "apply", "-auto-approve");
        for (String tool : List.of("kubeadm", "kubelet", "kubectl")) {
            assertEquals("1.29.1-1.1\n", bed.state(bed.host(0), "dpkg/" + tool), tool);
        }
        assertEquals(List.of("kubeadm", "kubectl", "kubelet"), bed.state(bed.host(0), "held").lines().sorted().toList());
        assertEquals("1.30.0-1.1\n", bed.state(bed.host(0), "dpkg/cri-tools"));
        assertTrue(Files.exists(bed.host(0).path("/etc/systemd/system/kubelet.service.d/10-kubeadm.conf")));
        assertEquals(List.of("cp-0"), bed.registeredNodes());
        assertEquals(VERSION, bed.clusterFile("nodes/cp-0/version"));
        assertTrue(bed.clusterFile("objects/Namespace_tigera-operator").contains("tigera-operator"), bed.clusterFile("objects/Namespace_tigera-operator"));
        workspace.assertNoChanges();
        workspace.assertNothingPrinted(KubeadmWorkspace.secrets(bed));
    }
}
