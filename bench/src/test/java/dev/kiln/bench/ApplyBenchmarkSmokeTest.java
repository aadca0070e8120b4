package dev.kiln.bench;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApplyBenchmarkSmokeTest
{
    @Test
    @DisplayName("a small simulator configuration is planned and applied with the journal and in memory; no makespan beats its lower bound")
    void smallApply(@TempDir Path directory)
            throws Exception
    {
        ApplyBenchmark.Settings settings = new ApplyBenchmark.Settings(300, List.of(4), Duration.ofMillis(2), Duration.ofMillis(5));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ApplyBenchmark.Result result = ApplyBenchmark.run(settings, directory, new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertEquals(300, result.actions());
        assertEquals(Duration.ofMillis(9), result.criticalPath(), "the control-plane node, its cluster, then its worker pool");
        assertEquals(Duration.ofMillis(3 * (98 * 2 + 2 + 5)), result.totalWork(), "per group: 98 nodes and a worker pool at the node latency, a cluster at its own");
        ApplyBenchmark.Measurement measurement = result.measurements().getFirst();
        assertTrue(measurement.journaledRatio() >= 1 && measurement.inMemoryRatio() >= 1, printed.toString(StandardCharsets.UTF_8));
    }
}
