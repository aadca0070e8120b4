package dev.kiln.cli;

import dev.kiln.providers.sim.Datacenter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static dev.kiln.cli.LifecycleTest.assertSucceeded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kills {@code kiln apply} with SIGKILL at random moments while it creates 212 simulated
 * resource instances, then checks after each kill: {@code kiln plan} works, every object the
 * simulator holds is recorded in the state (as applied, or flagged for reconciliation), and a
 * new apply converges to "No changes.". 20 trials with a fixed seed; more with
 * {@code -Dkiln.crash.trials=N}, another seed with {@code -Dkiln.crash.seed=S}.
 */
class CrashSafetyTest
{
    private static final int CLUSTERS = 4;
    private static final int WORKERS_PER_CLUSTER = 50;

    @TempDir
    Path directory;

    @Test
    @DisplayName("After SIGKILL at a random moment of an apply, plan works, nothing the simulator holds is forgotten, and a new apply converges")
    void killedApplies()
            throws IOException, InterruptedException
    {
        int trials = Integer.getInteger("kiln.crash.trials", 20);
        Random random = new Random(Long.getLong("kiln.crash.seed", 20261121L));
        int killedMidway = 0;
        for (int trial = 0; trial < trials; trial++) {
            Path workspace = Files.createDirectories(directory.resolve("trial-" + trial));
            Files.writeString(workspace.resolve("main.kiln.hcl"), configuration());
            // Every other trial kills an apply that continues from an earlier killed one.
            int kills = 1 + random.nextInt(2);
            for (int kill = 0; kill < kills; kill++) {
                killedMidway += killDuringApply(workspace, random) ? 1 : 0;
                checkAfterKill(workspace, "trial " + trial + ", kill " + kill);
            }
            CliRunner kiln = CliRunner.in(workspace);
            CliRunner.Result converged = kiln.run("apply", "-auto-approve");
            assertEquals(ExitCodes.OK, converged.exitCode(), () -> converged.out() + converged.err());
            assertSucceeded(kiln.run("plan", "-refresh=true"), "No changes.");
            assertEquals(CLUSTERS * (WORKERS_PER_CLUSTER + 3), kiln.run("state", "list").out().lines().count());
        }
        assertTrue(killedMidway >= trials / 2, "only " + killedMidway + " kills landed while actions ran");
    }

    /** Starts an apply, waits until it runs actions, lets it run a random while, and kills it; whether it was still running. */
    private static boolean killDuringApply(Path workspace, Random random)
            throws IOException, InterruptedException
    {
        Path output = workspace.resolve("apply-" + System.nanoTime() + ".out");
        Process apply = KilnProcess.start(workspace, output, "apply", "-auto-approve", "-parallelism=20");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (apply.isAlive() && !Files.readString(output).contains("...") && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        Thread.sleep(random.nextInt(1500));
        boolean running = apply.isAlive();
        apply.destroyForcibly();
        assertTrue(apply.waitFor(30, TimeUnit.SECONDS));
        return running;
    }

    private static void checkAfterKill(Path workspace, String when)
    {
        CliRunner kiln = CliRunner.in(workspace);
        CliRunner.Result planned = kiln.run("plan", "-refresh=false");
        assertEquals(ExitCodes.OK, planned.exitCode(), () -> when + ": " + planned.out() + planned.err());
        Set<String> recorded = new TreeSet<>(Arrays.asList(kiln.run("state", "list").out().split("\n")));
        SortedSet<String> held = Datacenter.open(workspace.resolve(".kiln/sim")).owners();
        SortedSet<String> forgotten = new TreeSet<>(held);
        forgotten.removeAll(recorded);
        assertTrue(forgotten.isEmpty(), () -> when + ": the simulator holds objects the state forgot: " + forgotten);
    }

    static String configuration()
    {
        StringBuilder text = new StringBuilder("provider \"sim\" {\n  speed = 400\n}\n");
        for (int cluster = 0; cluster < CLUSTERS; cluster++) {
            text.append("""

                    node "w%1$d" {
                      count   = %2$d
                      address = cidrhost("10.6%1$d.0.0/16", 10 + count.index)
                      roles   = ["worker"]
                    }

                    node "cp%1$d" {
                      address = "10.70.0.%3$d"
                      roles   = ["control-plane"]
                    }

                    cluster "c%1$d" {
                      kubernetes_version = "v1.31.2"

                      control_plane {
                        nodes = [node.cp%1$d]
                      }

                      worker_pool "default" {
                        nodes = node.w%1$d[*]
                      }
                    }
                    """.formatted(cluster, WORKERS_PER_CLUSTER, 10 + cluster));
        }
        return text.toString();
    }
}
