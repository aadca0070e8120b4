package dev.kiln.cli;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two kiln apply processes started together on one state: exactly one proceeds, the other names the holder. */
class LockContentionTest
{
    @TempDir
    Path directory;

    @Test
    @DisplayName("Of two applies started together, one applies and the other fails naming the lock's holder")
    void oneProceeds()
            throws IOException, InterruptedException
    {
        Path quickstart = Quickstart.copyTo(directory.resolve("quickstart"));
        Path main = quickstart.resolve("main.kiln.hcl");
        // Slow the simulated datacenter down so that the winner holds the lock while the other starts.
        Files.writeString(main, Files.readString(main).replace("speed = 100", "speed = 25"));
        Process first = KilnProcess.start(quickstart, directory.resolve("first.out"), "apply", "-auto-approve");
        Process second = KilnProcess.start(quickstart, directory.resolve("second.out"), "apply", "-auto-approve");
        assertTrue(first.waitFor(120, TimeUnit.SECONDS) && second.waitFor(120, TimeUnit.SECONDS), "an apply did not finish");
        List<String> outputs = List.of(Files.readString(directory.resolve("first.out")), Files.readString(directory.resolve("second.out")));
        List<Integer> codes = List.of(first.exitValue(), second.exitValue());
        assertEquals(1, codes.stream().filter(code -> code == 0).count(), () -> codes + "\n" + outputs);
        String loser = outputs.get(codes.indexOf(1));
        String winner = outputs.get(codes.indexOf(0));
        assertTrue(winner.contains("Apply complete! Resources: 5 added"), winner);
        assertTrue(loser.contains("Error acquiring the state lock"), loser);
        assertTrue(loser.contains("Operation: apply"), loser);
        long winnerPid = codes.get(0) == 0 ? first.pid() : second.pid();
        assertTrue(loser.contains("PID:       " + winnerPid), loser);
        assertTrue(loser.contains("force-unlock"), loser);
    }
}
