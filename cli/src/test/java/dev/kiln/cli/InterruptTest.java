package dev.kiln.cli;

import dev.kiln.providers.sim.Datacenter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static dev.kiln.cli.LifecycleTest.assertSucceeded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ctrl-C (SIGINT) during an apply run as its own process: once stops and saves, twice cancels and still saves. */
class InterruptTest
{
    @TempDir
    Path directory;

    @Test
    @DisplayName("One Ctrl-C stops new actions, lets running ones finish and saves the state; nothing is left to reconcile")
    void interruptOnce()
            throws IOException, InterruptedException
    {
        Path output = directory.resolve("apply.out");
        Process apply = startAndWaitForActions(output);
        signalInterrupt(apply);
        assertTrue(apply.waitFor(60, TimeUnit.SECONDS));
        String printed = Files.readString(output);
        assertEquals(ExitCodes.ERROR, apply.exitValue(), printed);
        assertTrue(printed.contains("Interrupt received."), printed);
        assertTrue(printed.contains("Apply interrupted."), printed);
        assertTrue(printed.contains("The state was saved."), printed);
        assertEquals(0, Files.size(directory.resolve(".kiln/journal")), "the journal was folded into the state and cleared");
        CliRunner kiln = CliRunner.in(directory);
        Set<String> recorded = new TreeSet<>(kiln.run("state", "list").out().lines().toList());
        assertFalse(recorded.isEmpty());
        assertEquals(Datacenter.open(directory.resolve(".kiln/sim")).owners(), recorded);
        assertFalse(kiln.run("show", "-json").out().contains("\"needs_reconciliation\" : true"));
        assertEquals(ExitCodes.OK, kiln.run("apply", "-auto-approve").exitCode());
        assertSucceeded(kiln.run("plan"), "No changes.");
    }

    @Test
    @DisplayName("A second Ctrl-C cancels running actions; the state is still saved, and the cancelled ones are reconciled by the next plan")
    void interruptTwice()
            throws IOException, InterruptedException
    {
        Path output = directory.resolve("apply.out");
        Process apply = startAndWaitForActions(output);
        signalInterrupt(apply);
        Thread.sleep(50);
        signalInterrupt(apply);
        assertTrue(apply.waitFor(60, TimeUnit.SECONDS));
        String printed = Files.readString(output);
        assertEquals(ExitCodes.ERROR, apply.exitValue(), printed);
        assertTrue(printed.contains("Cancelling running actions"), printed);
        assertTrue(printed.contains("The state was saved."), printed);
        CliRunner kiln = CliRunner.in(directory);
        Set<String> recorded = new TreeSet<>(kiln.run("state", "list").out().lines().toList());
        assertTrue(recorded.containsAll(Datacenter.open(directory.resolve(".kiln/sim")).owners()));
        assertEquals(ExitCodes.OK, kiln.run("apply", "-auto-approve").exitCode());
        assertSucceeded(kiln.run("plan"), "No changes.");
    }

    private Process startAndWaitForActions(Path output)
            throws IOException, InterruptedException
    {
        Files.writeString(directory.resolve("main.kiln.hcl"), CrashSafetyTest.configuration().replace("speed = 400", "speed = 100"));
        Process apply = KilnProcess.start(directory, output, "apply", "-auto-approve");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (apply.isAlive() && !Files.readString(output).contains("Creation complete") && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(apply.isAlive(), () -> "the apply ended before it could be interrupted: " + output);
        return apply;
    }

    private static void signalInterrupt(Process process)
            throws IOException, InterruptedException
    {
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start();
        assertEquals(0, kill.waitFor());
    }
}
