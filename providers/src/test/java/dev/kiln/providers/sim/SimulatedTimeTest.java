package dev.kiln.providers.sim;

import dev.kiln.providers.TestContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Simulated time: realistic latencies divided by speed; a cancelled action stops waiting. */
class SimulatedTimeTest
{
    @ParameterizedTest(name = "{0} at speed {1}")
    @CsvSource(delimiter = '|', textBlock = """
            PROVISION_MACHINE        | 1       | 20000
            PROVISION_MACHINE        | 100     | 200
            INITIALIZE_CONTROL_PLANE | 100     | 900
            JOIN_WORKERS             | 100     | 300
            UPGRADE_NODE             | 100     | 600
            UPGRADE_NODE             | 0.5     | 120000
            UPGRADE_NODE             | 1000000 | 0
            """)
    @DisplayName("An operation takes its realistic time divided by speed")
    void dividesBySpeed(Operation operation, BigDecimal speed, long milliseconds)
    {
        assertEquals(milliseconds, TimeUnit.NANOSECONDS.toMillis(new SimulatedTime(speed).nanos(operation)));
    }

    @Test
    @DisplayName("A cancelled action stops waiting at once")
    void cancellationStopsWaiting()
    {
        TestContext context = new TestContext();
        context.cancellation().cancel();
        long start = System.nanoTime();
        assertThrows(CancellationException.class, () -> new SimulatedTime(BigDecimal.ONE).spend(Operation.INITIALIZE_CONTROL_PLANE, context));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5));
    }
}
