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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A managed registry whose binary comes from the offline bundle ({@code registry/registry}, here
 * the machine's real distribution registry): installed with Kiln's own unit, really serving on
 * the test host's loopback address, trusted by the node, removed on destroy.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KubeadmRegistryBundleTest
{
    private static final String VERSION = "v1.29.1";
    private static final Path DEBIAN_REGISTRY = Path.of("/usr/bin/docker-registry");

    private KubeadmTestBed bed;
    private KubeadmWorkspace workspace;
    private String registry;

    @BeforeAll
    void start(@TempDir Path temporary)
            throws IOException
    {
        bed = KubeadmTestBed.start(1);
        workspace = new KubeadmWorkspace(bed, temporary.resolve("lab"), List.of(VERSION));
        Path binary = workspace.directory().resolve("bundle/registry/registry");
        Files.createDirectories(binary.getParent());
        Files.createSymbolicLink(binary, DEBIAN_REGISTRY);
        registry = bed.host(0).address() + ":" + RegistryProbe.freePort(bed.host(0).address());
        workspace.preamble("""
                registry "local" {
                  insecure = true
                  mirrors  = ["docker.io"]

                  managed {
                    node        = node.cp[0]
                    port        = %s
                    storage_dir = "/var/lib/docker-registry/images"
                  }
                }

                """.formatted(registry.substring(registry.indexOf(':') + 1)));
    }

    @AfterAll
    void stop()
    {
        bed.close();
    }

    @Test
    @Order(1)
    @DisplayName("The bundle's registry binary is installed with Kiln's unit, answers /v2/ on the node's address, and the node's containerd trusts it")
    void create()
            throws IOException
    {
        workspace.configure(List.of(0), List.of(), VERSION, "", "  registry = registry.local\n");
        workspace.succeed("Apply complete! Resources: 3 added, 0 changed, 0 destroyed.", "apply", "-auto-approve");
        assertEquals(Files.size(DEBIAN_REGISTRY), Files.size(bed.host(0).path("/usr/local/bin/registry")));
        String unit = Files.readString(bed.host(0).path("/etc/systemd/system/docker-registry.service"));
        assertTrue(unit.contains("ExecStart=/usr/local/bin/registry serve /etc/docker/registry/config.yml"), unit);
        assertEquals(200, RegistryProbe.status("http://" + registry + "/v2/"));
        assertTrue(Files.isDirectory(bed.host(0).path("/var/lib/docker-registry/images")));
        String hosts = Files.readString(bed.host(0).path("/etc/containerd/certs.d/docker.io/hosts.toml"));
        assertTrue(hosts.contains("[host.\"http://" + registry + "\"]") && hosts.contains("skip_verify = true"), hosts);
        workspace.assertNoChanges();
    }

    @Test
    @Order(2)
    @DisplayName("Destroy stops the registry and removes the bundle's binary and Kiln's unit")
    void destroy()
    {
        workspace.succeed("Destroy complete! Resources: 3 destroyed.", "destroy", "-auto-approve");
        assertEquals(-1, RegistryProbe.status("http://" + registry + "/v2/"));
        assertFalse(Files.exists(bed.host(0).path("/usr/local/bin/registry")));
        assertFalse(Files.exists(bed.host(0).path("/etc/systemd/system/docker-registry.service")));
        workspace.assertNothingPrinted(KubeadmWorkspace.secrets(bed));
    }
}
