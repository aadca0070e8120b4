package dev.kiln.cli;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scaling the applied quick start's worker pool plans exactly that change. */
class ScalePlanTest
{
    @TempDir
    Path directory;

    @Test
    @DisplayName("After apply, adding a worker plans the new node and, for the worker pool alone (not its cluster), its node list")
    void scaleShowsOnlyThePool()
    {
        CliRunner kiln = CliRunner.in(Quickstart.copyTo(directory.resolve("quickstart")));
        CliRunner.Result applied = kiln.run("apply", "-auto-approve");
        assertEquals(ExitCodes.OK, applied.exitCode(), applied.out() + applied.err());

        CliRunner.Result plan = kiln.run("plan", "-var", "worker_names=[\"w1\", \"w2\", \"w3\"]");

        assertEquals(ExitCodes.OK, plan.exitCode(), plan.out() + plan.err());
        assertTrue(plan.out().contains("Plan: 1 to add, 1 to change, 0 to destroy."), plan.out());
        assertFalse(plan.out().contains("# cluster.demo will be updated"), plan.out());
        String cluster = plan.out().substring(plan.out().indexOf("# cluster.demo.pool[\"default\"] will be updated in-place"),
                plan.out().indexOf("# node.worker[\"w3\"] will be created"));
        List<String> changed = cluster.lines()
                .map(String::strip)
                .filter(line -> line.startsWith("~ ") || line.startsWith("- ") || line.startsWith("+ "))
                .map(line -> line.substring(2).split(" ")[0])
                .distinct()
                .toList();
        assertEquals(List.of("worker_pool", "nodes", "{", "address", "architecture", "facts", "hostname", "labels",
                "\"kiln.dev/example\"", "\"kiln.dev/worker\"", "os", "roles", "\"worker\",", "status"), changed, cluster);
        assertTrue(cluster.contains("+ \"kiln.dev/worker\"  = \"w3\""), cluster);
        assertTrue(cluster.contains("# (2 unchanged elements hidden)"), cluster);
    }
}
