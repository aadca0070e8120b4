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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The offline bundle's {@code images/*.tar} imported into containerd's {@code k8s.io} namespace
 * with {@code ctr}, after the runtime is up: listed by {@code ctr images ls} afterwards, and not
 * imported again by an apply that resumes a failed one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KubeadmBundleImagesTest
{
    private static final String VERSION = "v1.29.1";
    private static final String IMPORT = "ctr -n k8s.io images import";

    private KubeadmTestBed bed;
    private KubeadmWorkspace workspace;

    @BeforeAll
    void start(@TempDir Path temporary)
    {
        bed = KubeadmTestBed.start(1);
        workspace = new KubeadmWorkspace(bed, temporary.resolve("lab"), List.of(VERSION));
        KubeadmTestBed.imageArchive(workspace.directory().resolve("bundle/images/base.tar"), List.of("registry.k8s.io/pause:3.9", "busybox:1.36"));
    }

    @AfterAll
    void stop()
    {
        bed.close();
    }

    @Test
    @Order(1)
    @DisplayName("An apply that fails after the runtime is up has already imported the bundle's images; the next apply converges without importing them again")
    void importOnce()
    {
        workspace.configure(List.of(0), List.of(), VERSION, "", "");
        Path taken = bed.cluster().resolve("version");
        write(taken, "v1.29.1\n");
        CliRunner.Result failed = workspace.run("apply", "-auto-approve");
        assertNotEquals(ExitCodes.OK, failed.exitCode(), failed::out);
        assertEquals(List.of("docker.io/library/busybox:1.36", "registry.k8s.io/pause:3.9"),
                bed.state(bed.host(0), "images-k8s.io").lines().sorted().toList());
        assertEquals(1, bed.calls(bed.host(0), IMPORT));
        assertTrue(Files.exists(bed.host(0).path("/var/lib/kiln/images/base.tar")));

        delete(taken);
        workspace.succeed("Apply complete!", "apply", "-auto-approve");
        assertEquals(1, bed.calls(bed.host(0), IMPORT));
        assertTrue(bed.calls(bed.host(0), "ctr -n k8s.io images ls -q") >= 3);
        workspace.assertNoChanges();
        workspace.assertNothingPrinted(KubeadmWorkspace.secrets(bed));
    }

    private static void write(Path file, String content)
    {
        try {
            Files.writeString(file, content);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file)
    {
        try {
            Files.delete(file);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
