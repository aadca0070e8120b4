package dev.kiln.cli;

import dev.kiln.executors.ssh.testing.TestHost;
import dev.kiln.executors.ssh.testing.TestHosts;
import dev.kiln.providers.kubeadm.testing.KubeadmTestBed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What goes wrong with hosts, through the CLI on real SSH test hosts: a host that does not
 * answer, a wrong password or key, a host key other than the pinned one (both fingerprints
 * shown), sudo refused, a failing preflight check, and the connection's sshd killed in the
 * middle of a step — that host fails alone, what depends on it is skipped, and the next apply
 * converges without repeating what finished. No secret appears in any of the outputs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KubeadmFaultsTest
{
    private static final String UNREACHABLE = "127.0.0.240";

    private KubeadmTestBed bed;
    private Path temporary;

    @BeforeAll
    void start(@TempDir Path directory)
    {
        bed = KubeadmTestBed.start(3);
        temporary = directory;
    }

    @AfterAll
    void stop()
    {
        bed.close();
    }

    @Test
    @DisplayName("A host that does not answer fails its node alone, naming its address; the other node is created")
    void unreachable()
            throws IOException
    {
        KubeadmWorkspace workspace = nodesOnly("unreachable", node("good", bed.host(0), keySsh(bed.host(0)))
                + node("gone", UNREACHABLE, "port = " + bed.hosts().port() + "\n    private_key = file(\"client_key\")\n    host_key = \"" + bed.host(0).hostKey() + "\""));
        CliRunner.Result result = workspace.run("apply", "-auto-approve");
        assertEquals(ExitCodes.ERROR, result.exitCode());
        assertTrue(result.err().contains(UNREACHABLE), result.err());
        assertTrue(result.out().contains("node.good: Creation complete"), result.out());
        workspace.assertNothingPrinted(List.of(bed.clientKey().lines().filter(line -> !line.startsWith("-----")).findFirst().orElseThrow()));
    }

    @Test
    @DisplayName("A wrong password and a key the host does not know are authentication errors naming the host; the password is not shown")
    void wrongCredentials()
            throws Exception
    {
        String wrongPassword = "not-the-password-" + System.nanoTime();
        Path otherKey = temporary.resolve("other_key");
        Process keygen = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", otherKey.toString()).redirectErrorStream(true).start();
        assertTrue(keygen.waitFor(20, TimeUnit.SECONDS) && keygen.exitValue() == 0);
        KubeadmWorkspace workspace = nodesOnly("credentials", node("password", bed.host(1), """
                port     = %d
                    user     = "%s"
                    password = "%s"
                    sudo     = true
                    host_key = "%s"
                """.formatted(bed.hosts().port(), TestHosts.USER, wrongPassword, bed.host(1).hostKey()))
                + node("key", bed.host(2), """
                port        = %d
                    private_key = file("%s")
                    host_key    = "%s"
                """.formatted(bed.hosts().port(), otherKey, bed.host(2).hostKey())));
        CliRunner.Result result = workspace.run("apply", "-auto-approve");
        assertEquals(ExitCodes.ERROR, result.exitCode());
        String errors = result.err().replaceAll("\\s+", " ");
        assertTrue(errors.contains(bed.host(1).address()) && errors.contains(bed.host(2).address()), result.err());
        assertTrue(errors.toLowerCase().contains("auth"), result.err());
        workspace.assertNothingPrinted(List.of(wrongPassword, Files.readString(otherKey).lines().skip(1).findFirst().orElseThrow()));
    }

    @Test
    @DisplayName("A host presenting another key than the pinned one is refused, with both fingerprints shown")
    void hostKeyMismatch()
    {
        KubeadmWorkspace workspace = nodesOnly("hostkey", node("spoofed", bed.host(0).address(), """
                port        = %d
                    private_key = file("client_key")
                    host_key    = "%s"
                """.formatted(bed.hosts().port(), bed.host(1).hostKey())));
        CliRunner.Result result = workspace.run("apply", "-auto-approve");
        assertEquals(ExitCodes.ERROR, result.exitCode());
        String errors = result.err().replaceAll("\\s+", " ");
        assertTrue(errors.contains(bed.host(0).address()), result.err());
        assertEquals(2, errors.split("SHA256:", -1).length - 1, result.err());
    }

    @Test
    @DisplayName("Trust on first use records the key the host presented in the node's facts; the next plan connects with it pinned and finds no changes")
    void trustOnFirstUse()
    {
        KubeadmWorkspace workspace = nodesOnly("tofu", node("trusted", bed.host(0).address(), """
                port               = %d
                    private_key        = file("client_key")
                    trust_on_first_use = true
                """.formatted(bed.hosts().port())));
        workspace.succeed("Apply complete! Resources: 1 added", "apply", "-auto-approve");
        String key = bed.host(0).hostKey();
        CliRunner.Result shown = workspace.succeed("host_key", "state", "show", "node.trusted");
        assertTrue(shown.out().contains(key.substring(key.indexOf(' ') + 1, key.indexOf(' ') + 20)), shown.out());
        workspace.assertNoChanges();
    }

    @Test
    @DisplayName("A user sudo refuses fails the node with sudo named as the reason")
    void sudoRefused()
    {
        KubeadmWorkspace workspace = nodesOnly("sudo", node("refused", bed.host(1), """
                port     = %d
                    user     = "%s"
                    password = "%s"
                    sudo     = true
                    host_key = "%s"
                """.formatted(bed.hosts().port(), TestHosts.REFUSED_USER, TestHosts.PASSWORD, bed.host(1).hostKey())));
        CliRunner.Result result = workspace.run("apply", "-auto-approve");
        assertEquals(ExitCodes.ERROR, result.exitCode());
        assertTrue(result.err().replaceAll("\\s+", " ").contains("sudo refused"), result.err());
        workspace.assertNothingPrinted(List.of(TestHosts.PASSWORD));
    }

    @Test
    @DisplayName("A failing preflight check (br_netfilter missing from the kernel) fails the node with modprobe's own words")
    void failingPreflight()
    {
        bed.setState(bed.host(2), "modules-unavailable/br_netfilter", "");
        try {
            KubeadmWorkspace workspace = nodesOnly("preflight", node("lacking", bed.host(2), keySsh(bed.host(2))));
            CliRunner.Result result = workspace.run("apply", "-auto-approve");
            assertEquals(ExitCodes.ERROR, result.exitCode());
            String errors = result.err().replaceAll("\\s+", " ");
            assertTrue(errors.contains("load the overlay and br_netfilter kernel modules"), result.err());
            assertTrue(errors.contains("modprobe: FATAL: Module br_netfilter not found"), result.err());
        }
        finally {
            bed.setState(bed.host(2), "modules-unavailable/br_netfilter", "");
            bed.host(2).path(KubeadmTestBed.STATE + "/modules-unavailable/br_netfilter").toFile().delete();
        }
    }

    @Test
    @DisplayName("sshd killed mid-step: that host fails alone, its pool is skipped, and the next apply converges without repeating finished steps")
    void sshdKilledMidStep()
            throws Exception
    {
        for (TestHost host : bed.hosts().hosts()) {
            bed.setState(host, "calls", "");
        }
        KubeadmWorkspace workspace = new KubeadmWorkspace(bed, temporary.resolve("killed"), List.of("v1.28.8"));
        workspace.configure(List.of(0), List.of(1, 2), "v1.28.8", "", "");
        TestHost victim = bed.host(2);
        bed.setState(victim, "hold-modprobe", "");
        CompletableFuture<CliRunner.Result> first = CompletableFuture.supplyAsync(() -> workspace.run("apply", "-auto-approve"));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (bed.calls(victim, "modprobe") == 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertTrue(bed.calls(victim, "modprobe") > 0, "the apply never reached modprobe on the victim");
        victim.kill();
        CliRunner.Result failed = first.get(60, TimeUnit.SECONDS);
        victim.path(KubeadmTestBed.STATE + "/hold-modprobe").toFile().delete();
        assertEquals(ExitCodes.ERROR, failed.exitCode(), failed.out());
        assertTrue(failed.out().contains("cluster.lab: Creation complete"), failed.out());
        assertTrue(failed.out().contains("node.w[0]: Creation complete"), failed.out());
        assertTrue(failed.out().contains("cluster.lab.pool[\"a\"]: Not started, because node.w[1] failed"), failed.out());
        assertTrue(failed.err().contains(victim.address()), failed.err());

        victim.restart();
        workspace.succeed("Apply complete!", "apply", "-auto-approve");
        assertEquals(List.of("cp-0", "w-0", "w-1"), bed.registeredNodes());
        assertEquals(1, bed.calls(bed.host(0), "kubeadm init --config"));
        assertEquals(2, bed.calls(bed.host(1), "modprobe"), "modprobe overlay and br_netfilter ran once on w-0, not again");
        assertEquals(1, bed.calls(bed.host(1), "kubeadm join"));
        workspace.assertNoChanges();
        workspace.succeed("Destroy complete!", "destroy", "-auto-approve");
        workspace.assertNothingPrinted(KubeadmWorkspace.secrets(bed));
    }

    private KubeadmWorkspace nodesOnly(String name, String nodes)
    {
        KubeadmWorkspace workspace = new KubeadmWorkspace(bed, temporary.resolve(name), List.of());
        try {
            Files.writeString(workspace.directory().resolve("main.kiln.hcl"), "provider \"kubeadm\" {}\n\n" + nodes);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return workspace;
    }

    private String keySsh(TestHost host)
    {
        return "port        = " + bed.hosts().port() + "\n    private_key = file(\"client_key\")\n    host_key    = \"" + host.hostKey() + "\"\n";
    }

    private static String node(String name, TestHost host, String ssh)
    {
        return node(name, host.address(), ssh);
    }

    private static String node(String name, String address, String ssh)
    {
        return """
                node "%s" {
                  address = "%s"
                  ssh {
                    %s
                  }
                }

                """.formatted(name, address, ssh.strip());
    }
}
