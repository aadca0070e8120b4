package dev.kiln.cli;

import dev.kiln.providers.sim.Datacenter;
import dev.kiln.state.backend.s3.S3ProxyServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static dev.kiln.cli.S3StateTest.assertSucceeded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code kiln apply} as separate processes on one state in S3 (S3Proxy): lock contention,
 * a holder killed with SIGKILL whose lease is taken over, and S3 stopping in the middle of an
 * apply. Runs use a 3-second lease ({@code KILN_STATE_LEASE}).
 */
class S3LockProcessTest
{
    private static final int ROUNDS = 3;
    private static final int WORKERS = 12;

    @TempDir
    static Path shared;

    private static S3ProxyServer server;

    @TempDir
    Path directory;

    @BeforeAll
    static void startServer()
    {
        server = S3ProxyServer.start(shared.resolve("s3"));
        server.createBucket(S3Configurations.BUCKET);
    }

    @AfterAll
    static void stopServer()
    {
        server.close();
    }

    @Test
    @DisplayName("two applies started together on one S3 state, round after round: exactly one proceeds, the other names the holder")
    void contention()
            throws IOException, InterruptedException
    {
        Path workspace = S3Configurations.writeS3(directory.resolve("w"), server.endpoint(), "contention/kiln.state.json", 4, 20);
        for (int round = 1; round <= ROUNDS; round++) {
            String generation = "generation=" + round;
            Process first = KilnProcess.start(workspace, directory.resolve(round + "-first.out"), S3Configurations.environment(),
                    "apply", "-auto-approve", "-var", generation);
            Process second = KilnProcess.start(workspace, directory.resolve(round + "-second.out"), S3Configurations.environment(),
                    "apply", "-auto-approve", "-var", generation);
            assertTrue(first.waitFor(120, TimeUnit.SECONDS) && second.waitFor(120, TimeUnit.SECONDS), "an apply did not finish");
            List<String> outputs = List.of(Files.readString(directory.resolve(round + "-first.out")), Files.readString(directory.resolve(round + "-second.out")));
            List<Integer> codes = List.of(first.exitValue(), second.exitValue());
            String context = "round " + round + ": " + codes + "\n" + outputs;
            assertEquals(1, codes.stream().filter(code -> code == 0).count(), context);
            String winner = outputs.get(codes.indexOf(0));
            String loser = outputs.get(codes.indexOf(1));
            long winnerPid = codes.get(0) == 0 ? first.pid() : second.pid();
            assertTrue(winner.contains("Apply complete!"), context);
            assertTrue(loser.contains("Error acquiring the state lock") && loser.contains("Operation: apply"), context);
            assertTrue(loser.contains("PID:       " + winnerPid), context);
        }
    }

    @Test
    @DisplayName("after kill -9 of the holder, the next run takes the lock over once the lease ran out, naming the old holder, and converges")
    void killedHolderTakenOver()
            throws IOException, InterruptedException
    {
        Path workspace = S3Configurations.writeS3(directory.resolve("w"), server.endpoint(), "killed/kiln.state.json", WORKERS, 20);
        Path output = directory.resolve("killed.out");
        Process holder = KilnProcess.start(workspace, output, S3Configurations.environment(), "apply", "-auto-approve");
        waitForActions(holder, output);
        holder.destroyForcibly();
        assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
        // The simulator's speed is no part of the state: the runs that finish the job may go faster.
        S3Configurations.writeS3(workspace, server.endpoint(), "killed/kiln.state.json", WORKERS, 400);

        CliRunner kiln = CliRunner.in(workspace).environment(S3Configurations.environment());
        CliRunner.Result next = kiln.run("apply", "-auto-approve", "-lock-timeout=30s");
        String text = next.out() + next.err();
        assertEquals(ExitCodes.OK, next.exitCode(), text);
        assertTrue(text.contains("Took over an expired state lock"), text);
        assertTrue(text.contains("PID:       " + holder.pid()), text);
        assertTrue(text.contains("Apply complete!"), text);
        assertSucceeded(kiln.run("plan"), "No changes.");
        assertNothingForgotten(workspace, kiln);
    }

    @Test
    @DisplayName("S3 stopped in the middle of an apply: errored.kiln.state is written, nothing is lost, and after S3 returns state push and a new apply converge")
    void outageDuringApply()
            throws IOException, InterruptedException
    {
        Path workspace = S3Configurations.writeS3(directory.resolve("w"), server.endpoint(), "outage/kiln.state.json", WORKERS, 20);
        Path output = directory.resolve("outage.out");
        Process apply = KilnProcess.start(workspace, output, S3Configurations.environment(), "apply", "-auto-approve");
        waitForActions(apply, output);
        server.stop();
        try {
            assertTrue(apply.waitFor(120, TimeUnit.SECONDS), "the apply did not finish");
            String text = Files.readString(output);
            assertEquals(1, apply.exitValue(), text);
            assertTrue(text.contains("Failed to save the state") && text.contains("S3 state backend unreachable"), text);
            assertTrue(text.contains("kiln state push errored.kiln.state"), text);
            Path errored = workspace.resolve(ErroredState.FILE_NAME);
            assertTrue(Files.exists(errored), text);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(errored)));
            assertTrue(Files.size(workspace.resolve(".kiln/journal")) > 0, "the journal was kept");
        }
        finally {
            server.restart();
        }
        S3Configurations.writeS3(workspace, server.endpoint(), "outage/kiln.state.json", WORKERS, 400);
        CliRunner kiln = CliRunner.in(workspace).environment(S3Configurations.environment());
        assertSucceeded(kiln.run("state", "push", "-lock-timeout=30s", ErroredState.FILE_NAME), "Pushed the state");
        assertNothingForgotten(workspace, kiln);
        assertSucceeded(kiln.run("apply", "-auto-approve"), "No changes.");
        assertSucceeded(kiln.run("plan", "-refresh=true"), "No changes.");
    }

    private static void waitForActions(Process process, Path output)
            throws IOException, InterruptedException
    {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (process.isAlive() && !Files.readString(output).contains("Creation complete") && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(process.isAlive(), () -> "the apply ended before it could be interrupted: " + read(output));
    }

    private static void assertNothingForgotten(Path workspace, CliRunner kiln)
    {
        Set<String> recorded = new TreeSet<>(Arrays.asList(kiln.run("state", "list").out().split("\n")));
        SortedSet<String> held = Datacenter.open(workspace.resolve(".kiln/sim")).owners();
        List<String> forgotten = new ArrayList<>(held);
        forgotten.removeAll(recorded);
        assertTrue(forgotten.isEmpty(), () -> "the simulator holds objects the state forgot: " + forgotten);
        assertTrue(held.size() >= WORKERS, "held: " + held);
    }

    private static String read(Path output)
    {
        try {
            return Files.readString(output);
        }
        catch (IOException e) {
            return e.toString();
        }
    }
}
