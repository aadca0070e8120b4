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

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An explicit upgrade chain ({@code upgrade_path}) on a one-node cluster: checked when the
 * configuration loads, refused at plan time when it cannot start from the running release or
 * leaves the bundle, shown in the plan and followed instead of the newest patches on offer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KubeadmUpgradePathTest
{
    private KubeadmTestBed bed;
    private KubeadmWorkspace workspace;

    @BeforeAll
    void start(@TempDir Path temporary)
    {
        bed = KubeadmTestBed.start(1);
        workspace = new KubeadmWorkspace(bed, temporary.resolve("lab"), List.of("v1.27.16", "v1.28.8", "v1.28.15", "v1.29.1"));
        workspace.configure(List.of(0), List.of(), "v1.27.16", "", "");
        workspace.succeed("Apply complete! Resources: 2 added, 0 changed, 0 destroyed.", "apply", "-auto-approve");
    }

    @AfterAll
    void stop()
    {
        bed.close();
    }

    @Test
    @Order(1)
    @DisplayName("A path that skips a minor or does not end at kubernetes_version is an error pointing at the argument in main.kiln.hcl")
    void invalidPath()
    {
        workspace.configure(List.of(0), List.of(), "v1.29.1", "", "  upgrade_path = [\"v1.27.16\", \"v1.29.1\"]\n");
        CliRunner.Result skipped = workspace.run("plan");
        assertEquals(ExitCodes.ERROR, skipped.exitCode());
        assertTrue(skipped.err().contains("Invalid upgrade path") && skipped.err().contains("skipping v1.28"), skipped.err());
        assertTrue(skipped.err().matches("(?s).*on main\\.kiln\\.hcl line \\d+, in cluster \"lab\":\n\\s*\\d+:\\s+upgrade_path = .*"), skipped.err());
        workspace.configure(List.of(0), List.of(), "v1.29.1", "", "  upgrade_path = [\"v1.28.8\"]\n");
        CliRunner.Result tooShort = workspace.run("plan");
        assertEquals(ExitCodes.ERROR, tooShort.exitCode());
        assertTrue(tooShort.err().contains("upgrade_path ends at v1.28.8, but kubernetes_version is v1.29.1"), tooShort.err());
    }

    @Test
    @Order(2)
    @DisplayName("A path through a release the bundle lacks is refused by the plan, naming the release")
    void pathOutsideTheBundle()
    {
        workspace.configure(List.of(0), List.of(), "v1.29.1", "", "  upgrade_path = [\"v1.28.10\", \"v1.29.1\"]\n");
        CliRunner.Result plan = workspace.run("plan");
        assertEquals(ExitCodes.ERROR, plan.exitCode());
        String printed = (plan.out() + plan.err()).replaceAll("\\s+", " ");
        assertTrue(printed.contains("upgrade_path passes through v1.28.10, which the offline bundle does not hold"), printed);
    }

    @Test
    @Order(3)
    @DisplayName("v1.27.16 → v1.28.8 → v1.29.1 as upgrade_path says (not v1.28.15, the newest v1.28 in the bundle): shown as the chain, then followed")
    void explicitChain()
    {
        workspace.configure(List.of(0), List.of(), "v1.29.1", "", "  upgrade_path = [\"v1.28.8\", \"v1.29.1\"]\n");
        CliRunner.Result plan = workspace.succeed("Plan: 0 to add, 1 to change, 0 to destroy.", "plan");
        assertTrue(plan.out().contains("upgrade chain v1.27.16 → v1.28.8 → v1.29.1 (upgrade_path)"), plan.out());
        assertTrue(plan.out().contains("upgrade from v1.27.16 to v1.28.8: kubeadm upgrade apply on cp-0"), plan.out());
        workspace.succeed("Apply complete! Resources: 0 added, 1 changed, 0 destroyed.", "apply", "-auto-approve");
        assertEquals("v1.29.1", bed.clusterFile("version"));
        assertEquals(1, bed.calls(bed.host(0), "kubeadm upgrade apply v1.28.8"));
        assertEquals(0, bed.calls(bed.host(0), "kubeadm upgrade apply v1.28.15"));
        assertEquals(1, bed.calls(bed.host(0), "kubeadm upgrade apply v1.29.1"));
        workspace.assertNoChanges();
        workspace.assertNothingPrinted(KubeadmWorkspace.secrets(bed));
    }
}
