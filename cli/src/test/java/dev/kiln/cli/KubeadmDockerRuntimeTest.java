package dev.kiln.cli;

import dev.kiln.providers.kubeadm.testing.KubeadmTestBed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The docker runtime below Kubernetes v1.24: docker.io from the package repository, daemon.json
 * with the systemd cgroup driver and the registry mirrors (dockerd validates it at start and
 * docker info reports it), the bundle's image archives loaded with docker load, kubeadm on dockershim's socket.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KubeadmDockerRuntimeTest
{
    private static final String VERSION = "v1.23.17";
    private static final String MIRROR = "https://mirror.kiln.test";

    private KubeadmTestBed bed;
    private KubeadmWorkspace workspace;

    @BeforeAll
    void start(@TempDir Path temporary)
    {
        bed = KubeadmTestBed.start(1);
        workspace = new KubeadmWorkspace(bed, temporary.resolve("lab"), List.of(VERSION));
        bed.packageRepository(bed.host(0), List.of());
        KubeadmTestBed.imageArchive(workspace.directory().resolve("bundle/images/base.tar"), List.of("registry.k8s.io/pause:3.6", "busybox:1.36"));
    }

    @AfterAll
    void stop()
    {
        bed.close();
    }

    @Test
    @DisplayName("A v1.23 cluster with runtime docker applies end to end: dockerd runs daemon.json with the mirrors and the systemd cgroup driver, kubeadm uses dockershim")
    void dockerBelowOneTwentyFour()
            throws IOException
    {
        workspace.configure(List.of(0), List.of(), VERSION, "", """
                  runtime {
                    type             = "docker"
                    registry_mirrors = ["%s"]
                  }
                """.formatted(MIRROR));
        workspace.succeed("Apply complete!", "apply", "-auto-approve");
        String daemon = Files.readString(bed.host(0).path("/etc/docker/daemon.json"));
        assertTrue(daemon.contains("\"registry-mirrors\": [\"" + MIRROR + "\"]") && daemon.contains("native.cgroupdriver=systemd"), daemon);
        assertEquals(daemon, bed.state(bed.host(0), "dockerd-config.json"));
        assertEquals("20.10.24+dfsg1-1\n", bed.state(bed.host(0), "dpkg/docker.io"));
        assertEquals("active\n", bed.state(bed.host(0), "units/docker/state"));
        assertEquals("", bed.state(bed.host(0), "dpkg/containerd"));
        assertTrue(bed.calls(bed.host(0), "docker info --format {{.CgroupDriver}}") >= 2);
        assertEquals(List.of("busybox:1.36", "registry.k8s.io/pause:3.6"), bed.state(bed.host(0), "docker-images").lines().sorted().toList());
        assertEquals(1, bed.calls(bed.host(0), "docker load -i /var/lib/kiln/images/base.tar"));
        assertEquals(List.of("cp-0"), bed.registeredNodes());
        assertEquals(VERSION, bed.clusterFile("nodes/cp-0/version"));
        workspace.assertNoChanges();
        workspace.assertNothingPrinted(KubeadmWorkspace.secrets(bed));
    }
}
