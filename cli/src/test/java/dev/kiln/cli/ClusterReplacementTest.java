package dev.kiln.cli;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Replacing the quick start's cluster in the simulator replaces its worker pool with it, and converges. */
class ClusterReplacementTest
{
    @TempDir
    Path directory;

    @Test
    @DisplayName("Changing the pod network replaces the cluster and its pool; apply converges to \"No changes.\"")
    void podNetworkChangeReplacesClusterAndPool()
            throws IOException
    {
        Path quickstart = Quickstart.copyTo(directory.resolve("quickstart"));
        CliRunner kiln = CliRunner.in(quickstart);
        CliRunner.Result applied = kiln.run("apply", "-auto-approve");
        assertEquals(ExitCodes.OK, applied.exitCode(), applied.out() + applied.err());
        Path main = quickstart.resolve("main.kiln.hcl");
        Files.writeString(main, Files.readString(main).replace("pod_cidr     = \"10.244.0.0/16\"", "pod_cidr     = \"10.250.0.0/16\""));

        CliRunner.Result plan = kiln.run("plan");
        assertEquals(ExitCodes.OK, plan.exitCode(), plan.out() + plan.err());
        assertTrue(plan.out().contains("# cluster.demo must be replaced"), plan.out());
        assertTrue(plan.out().contains("# forces replacement"), plan.out());
        assertTrue(plan.out().contains("# cluster.demo.pool[\"default\"] must be replaced (its cluster is replaced)"), plan.out());
        assertTrue(plan.out().contains("Plan: 2 to add, 0 to change, 2 to destroy."), plan.out());

        CliRunner.Result replaced = kiln.run("apply", "-auto-approve");
        assertEquals(ExitCodes.OK, replaced.exitCode(), replaced.out() + replaced.err());
        assertTrue(replaced.out().contains("2 added, 0 changed, 2 destroyed"), replaced.out());

        CliRunner.Result after = kiln.run("plan");
        assertEquals(ExitCodes.OK, after.exitCode(), after.out() + after.err());
        assertTrue(after.out().contains("No changes."), after.out());
        assertFalse(after.out().contains("must be replaced"), after.out());
    }

    @Test
    @DisplayName("-replace of the pool alone replaces the pool, not its cluster")
    void replacePoolAlone()
    {
        CliRunner kiln = CliRunner.in(Quickstart.copyTo(directory.resolve("quickstart")));
        CliRunner.Result applied = kiln.run("apply", "-auto-approve");
        assertEquals(ExitCodes.OK, applied.exitCode(), applied.out() + applied.err());

        CliRunner.Result plan = kiln.run("plan", "-replace", "cluster.demo.pool[\"default\"]");
        assertEquals(ExitCodes.OK, plan.exitCode(), plan.out() + plan.err());
        assertTrue(plan.out().contains("# cluster.demo.pool[\"default\"] will be replaced, as requested"), plan.out());
        assertFalse(plan.out().contains("# cluster.demo must be replaced"), plan.out());
        assertTrue(plan.out().contains("Plan: 1 to add, 0 to change, 1 to destroy."), plan.out());
    }
}
