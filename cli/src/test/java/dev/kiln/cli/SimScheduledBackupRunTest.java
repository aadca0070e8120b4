package dev.kiln.cli;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The simulator runs a sim cluster's scheduled backups in simulated time (the quickstart's
 * speed 100): every command that opens it takes the backups that came due, {@code kiln sim
 * advance} moves its clock on, retention keeps the newest {@code keep} scheduled backups and
 * never touches one taken by hand, and a paused schedule takes none.
 */
class SimScheduledBackupRunTest
{
    private static final Pattern SCHEDULED = Pattern.compile("(demo-scheduled-\\S+)\\s+cluster\\.demo");
    private static final Pattern MANUAL = Pattern.compile("Backup (demo-\\S+) created");

    @TempDir
    Path directory;

    @Test
    @DisplayName("a schedule of every minute at speed 100 takes real backups as simulated time passes, keeps the newest 3, spares manual ones, and pauses")
    void scheduleRuns()
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
        assertSucceeded(kiln.run("apply", "-auto-approve"), "Apply complete!");
        Files.writeString(main, withBackup(original, true));
        assertSucceeded(kiln.run("apply", "-auto-approve"), "Apply complete!");

        CliRunner.Result manual = kiln.run("backup", "create", "cluster.demo", "-description", "by hand");
        Matcher matcher = MANUAL.matcher(manual.out());
        assertTrue(matcher.find(), manual.out() + manual.err());
        String manualId = matcher.group(1);

        CliRunner.Result advanced = kiln.run("sim", "advance", "10m");
        assertSucceeded(advanced, "Simulated time is now");
        assertTrue(advanced.out().contains("Scheduled backup demo-scheduled-"), advanced.out());
        List<String> first = scheduled(kiln, manualId);
        assertEquals(3, first.size(), first::toString);
        assertTrue(Files.isRegularFile(quickstart.resolve("backups").resolve(first.getLast()).resolve("snapshot.db")), "a real backup in the point");

        assertSucceeded(kiln.run("sim", "advance", "5m"), "Scheduled backup");
        List<String> second = scheduled(kiln, manualId);
        assertEquals(3, second.size(), second::toString);
        assertTrue(second.stream().noneMatch(first::contains), () -> first + " then " + second);

        Files.writeString(main, withBackup(original, false));
        assertSucceeded(kiln.run("apply", "-auto-approve"), "Apply complete!");
        List<String> paused = scheduled(kiln, manualId);
        CliRunner.Result idle = kiln.run("sim", "advance", "30m");
        assertSucceeded(idle, "Simulated time is now");
        assertTrue(!idle.out().contains("Scheduled backup"), idle.out());
        assertEquals(paused, scheduled(kiln, manualId));
    }

    /** The scheduled backups of cluster.demo in the list, oldest first; the manual one must be listed too. */
    private static List<String> scheduled(CliRunner kiln, String manualId)
    {
        CliRunner.Result list = kiln.run("backup", "list", "cluster.demo");
        assertEquals(ExitCodes.OK, list.exitCode(), list.out() + list.err());
        assertTrue(list.out().contains(manualId), "a backup taken by hand is never removed by a schedule: " + list.out());
        return SCHEDULED.matcher(list.out()).results().map(result -> result.group(1)).toList();
    }

    private static String withBackup(String main, boolean enabled)
    {
        String block = """
                cluster "demo" {
                  backup {
                    point    = backup_point.local
                    schedule = "* * * * *"
                    keep     = 3
                    enabled  = %s
                  }
                """.formatted(enabled);
        assertTrue(main.contains("cluster \"demo\" {\n"));
        return main.replace("cluster \"demo\" {\n", block);
    }

    private static void assertSucceeded(CliRunner.Result result, String expected)
    {
        assertEquals(ExitCodes.OK, result.exitCode(), () -> result.out() + result.err());
        assertTrue(result.out().contains(expected), () -> result.out() + result.err());
    }
}
