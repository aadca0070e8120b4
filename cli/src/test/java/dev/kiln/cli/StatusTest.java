package dev.kiln.cli;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static dev.kiln.cli.LifecycleTest.assertSucceeded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** kiln status while another process applies, and after. */
class StatusTest
{
    @TempDir
    Path directory;

    @Test
    @DisplayName("While an apply creates the cluster in another process, status says Installing; afterwards Healthy")
    void installingThenHealthy()
            throws IOException, InterruptedException
    {
        Path quickstart = Quickstart.copyTo(directory.resolve("quickstart"));
        Path main = quickstart.resolve("main.kiln.hcl");
        Files.writeString(main, Files.readString(main).replace("speed = 100", "speed = 10"));
        Path output = directory.resolve("apply.out");
        Process apply = KilnProcess.start(quickstart, output, "apply", "-auto-approve");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (apply.isAlive() && !Files.readString(output).contains("cluster.demo: Creating...") && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        // "Creating..." is printed when the walker starts the action, a moment before the
        // action's intent reaches the journal, which is what status reads: ask until it shows.
        CliRunner kiln = CliRunner.in(quickstart);
        CliRunner.Result during = kiln.run("status");
        while (!during.out().contains("cluster.demo  Installing") && apply.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            during = kiln.run("status");
        }
        assertTrue(apply.isAlive(), () -> "the apply ended too early: " + output);
        assertSucceeded(during, "cluster.demo  Installing");
        assertTrue(apply.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, apply.exitValue(), () -> output.toString());
        assertSucceeded(kiln.run("status"), "cluster.demo  Healthy");
    }
}
