package dev.kiln.cli;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.kiln.cli.LifecycleTest.assertSucceeded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** kiln backup restore holds the state lock: refused while an apply runs in another process. */
class BackupRestoreLockTest
{
    @TempDir
    Path directory;

    @Test
    @DisplayName("A restore while another process applies is refused, naming the apply that holds the lock; afterwards it restores")
    void refusedWhileLocked()
            throws Exception
    {
        Path quickstart = Quickstart.copyTo(directory.resolve("quickstart"));
        Files.writeString(quickstart.resolve("backups.kiln.hcl"), "backup_point \"local\" {\n  fs {\n    path = \"backups\"\n  }\n}\n");
        CliRunner kiln = CliRunner.in(quickstart);
        assertSucceeded(kiln.run("apply", "-auto-approve"), "Apply complete!");
        CliRunner.Result created = kiln.run("backup", "create", "cluster.demo");
        Matcher matcher = Pattern.compile("Backup (\\S+) created").matcher(created.out());
        assertTrue(matcher.find(), created.out() + created.err());

        Path main = quickstart.resolve("main.kiln.hcl");
        Files.writeString(main, Files.readString(main).replace("speed = 100", "speed = 5"));
        Path output = directory.resolve("apply.out");
        Process apply = KilnProcess.start(quickstart, output, "apply", "-auto-approve", "-var", "worker_names=[\"w1\",\"w2\",\"w3\"]");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (apply.isAlive() && !Files.readString(output).contains("Creating...") && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        CliRunner.Result refused = kiln.run("backup", "restore", "cluster.demo", matcher.group(1));
        assertTrue(apply.isAlive(), () -> "the apply ended too early: " + output);
        assertEquals(ExitCodes.ERROR, refused.exitCode());
        String message = refused.out() + refused.err();
        assertTrue(message.contains("Error acquiring the state lock") && message.contains("Operation: apply"), message);
        assertTrue(apply.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, apply.exitValue());
        assertSucceeded(kiln.run("backup", "restore", "cluster.demo", matcher.group(1)), "Restore complete");
    }
}
