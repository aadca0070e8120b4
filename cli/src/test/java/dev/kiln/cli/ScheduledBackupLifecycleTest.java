package dev.kiln.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.kiln.cli.LifecycleTest.assertSucceeded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A sim cluster's scheduled backups as their own planned resource, cluster.demo.backup. */
class ScheduledBackupLifecycleTest
{
    @TempDir
    Path directory;

    @Test
    @DisplayName("cluster.demo.backup is added to a running cluster, updated in place when the schedule or keep change, paused by enabled = false, removed with its block")
    void lifecycle()
            throws Exception
    {
        Path quickstart = Quickstart.copyTo(directory.resolve("quickstart"));
        Path main = quickstart.resolve("main.kiln.hcl");
        String original = Files.readString(main);
        Files.writeString(quickstart.resolve("backups.kiln.hcl"), """
                backup_point "local" {
                  fs {
                    path = "backups"
                  }
                }
                """);
        CliRunner kiln = CliRunner.in(quickstart);
        Path schedule = quickstart.resolve(".kiln/sim/schedules/cluster.demo.json");
        assertSucceeded(kiln.run("apply", "-auto-approve"), "Apply complete!");

        Files.writeString(main, withBackup(original, "0 */12 * * *", 6, true));
        CliRunner.Result plan = kiln.run("plan");
        assertSucceeded(plan, "cluster.demo.backup will be created");
        assertTrue(plan.out().contains("Plan: 1 to add, 1 to change, 0 to destroy."), plan.out());
        assertTrue(plan.out().contains("install scheduled etcd backups (0 */12 * * *, keep 6)"), plan.out());
        assertSucceeded(kiln.run("apply", "-auto-approve"), "Apply complete!");
        JsonNode recorded = new ObjectMapper().readTree(schedule.toFile());
        assertEquals("*-*-* 00/12:00:00", recorded.path("on_calendar").asText());
        assertEquals(6, recorded.path("keep").asInt());
        assertSucceeded(kiln.run("plan"), "No changes.");

        Files.writeString(main, withBackup(original, "@daily", 3, true));
        CliRunner.Result changed = kiln.run("plan");
        assertSucceeded(changed, "cluster.demo.backup will be updated in-place");
        assertTrue(changed.out().contains("update the schedule in place: @daily, keep 3"), changed.out());
        assertSucceeded(kiln.run("apply", "-auto-approve"), "Apply complete!");
        assertEquals(3, new ObjectMapper().readTree(schedule.toFile()).path("keep").asInt());

        Files.writeString(main, withBackup(original, "@daily", 3, false));
        assertSucceeded(kiln.run("plan"), "pause the scheduled backups");
        assertSucceeded(kiln.run("apply", "-auto-approve"), "Apply complete!");
        assertFalse(new ObjectMapper().readTree(schedule.toFile()).path("enabled").asBoolean());

        Files.writeString(main, original);
        assertSucceeded(kiln.run("plan"), "cluster.demo.backup will be destroyed");
        assertSucceeded(kiln.run("apply", "-auto-approve"), "Apply complete!");
        assertFalse(Files.exists(schedule));
    }

    private static String withBackup(String main, String schedule, int keep, boolean enabled)
    {
        String block = """
                cluster "demo" {
                  backup {
                    point    = backup_point.local
                    schedule = "%s"
                    keep     = %d
                    enabled  = %s
                  }
                """.formatted(schedule, keep, enabled);
        assertTrue(main.contains("cluster \"demo\" {\n"));
        return main.replace("cluster \"demo\" {\n", block);
    }
}
