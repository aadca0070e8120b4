package dev.kiln.cli;

import dev.kiln.providers.backup.SimKeyspace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.kiln.cli.LifecycleTest.assertSucceeded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** kiln backup create, list, restore and delete on a simulated cluster, and the backup point's deletion rule. */
class BackupCommandsTest
{
    private static final Pattern CREATED = Pattern.compile("Backup (demo-\\S+) created in backup_point\\.local");

    @TempDir
    static Path directory;

    private static Path quickstart;
    private static CliRunner kiln;

    @BeforeAll
    static void apply()
            throws Exception
    {
        quickstart = Quickstart.copyTo(directory.resolve("quickstart"));
        Files.writeString(quickstart.resolve("backups.kiln.hcl"), """
                backup_point "local" {
                  fs {
                    path = "backups"
                  }
                }
                """);
        kiln = CliRunner.in(quickstart);
        assertSucceeded(kiln.run("apply", "-auto-approve"), "Apply complete!");
    }

    @Test
    @DisplayName("A sim cluster backed up, changed and restored through the CLI has its keys back; deleting the point is refused while it holds the backup")
    void createListRestoreDelete()
            throws Exception
    {
        SimKeyspace keyspace = SimKeyspace.open(quickstart.resolve(".kiln/sim"), "cluster.demo");
        keyspace.put("/registry/configmaps/default/app", "first");

        CliRunner.Result created = kiln.run("backup", "create", "cluster.demo", "-description", "before the change");
        assertSucceeded(created, "created in backup_point.local");
        Matcher matcher = CREATED.matcher(created.out());
        assertTrue(matcher.find(), created.out());
        String id = matcher.group(1);
        assertTrue(Files.isRegularFile(quickstart.resolve("backups").resolve(id).resolve("snapshot.db")));
        assertTrue(Files.readString(quickstart.resolve("backups").resolve(id).resolve("objects.yaml")).contains("name: app"));

        assertSucceeded(kiln.run("backup", "list"), id + "  cluster.demo  backup_point.local  v1.31.2");
        assertSucceeded(kiln.run("backup", "list", "cluster.other"), "No backups of cluster.other.");

        SimKeyspace.open(quickstart.resolve(".kiln/sim"), "cluster.demo").put("/registry/configmaps/default/app", "second");
        CliRunner.Result restored = kiln.run("backup", "restore", "cluster.demo", id);
        assertSucceeded(restored, "Restore complete: cluster.demo runs on backup " + id);
        assertTrue(restored.out().contains(": etcd healthy"), restored.out());
        assertEquals("first", SimKeyspace.open(quickstart.resolve(".kiln/sim"), "cluster.demo").keys().get("/registry/configmaps/default/app"));

        CliRunner.Result refused = kiln.run("plan", "-destroy");
        assertEquals(ExitCodes.ERROR, refused.exitCode(), refused.out() + refused.err());
        String reason = (refused.out() + refused.err()).replaceAll("\\s+", " ");
        assertTrue(reason.contains("backup_point.local cannot be destroyed while it holds backups: " + id + " (cluster.demo,"), reason);

        assertSucceeded(kiln.run("backup", "delete", id), "Deleted backup " + id + " from backup_point.local.");
        assertSucceeded(kiln.run("backup", "list"), "No backups in the state's backup points.");
        assertFalse(Files.exists(quickstart.resolve("backups").resolve(id).resolve("snapshot.db")));
        assertSucceeded(kiln.run("plan", "-destroy"), "backup_point.local");
    }

    @Test
    @DisplayName("A damaged snapshot is refused by its checksum through the CLI, and an unknown backup by name")
    void refusals()
            throws Exception
    {
        CliRunner.Result created = kiln.run("backup", "create", "cluster.demo", "-point", "local");
        Matcher matcher = CREATED.matcher(created.out());
        assertTrue(matcher.find(), created.out() + created.err());
        String id = matcher.group(1);
        Path snapshot = quickstart.resolve("backups").resolve(id).resolve("snapshot.db");
        Files.writeString(snapshot, Files.readString(snapshot).replace("revision", "revisiom"));
        CliRunner.Result damaged = kiln.run("backup", "restore", "cluster.demo", id);
        assertEquals(ExitCodes.ERROR, damaged.exitCode());
        assertTrue(damaged.err().contains("does not match its checksum"), damaged.out() + damaged.err());

        CliRunner.Result unknown = kiln.run("backup", "restore", "cluster.demo", "demo-nothing");
        assertEquals(ExitCodes.ERROR, unknown.exitCode());
        assertTrue(unknown.err().contains("No backup demo-nothing"), unknown.err());
        assertSucceeded(kiln.run("backup", "delete", id), "Deleted backup " + id);
    }
}
