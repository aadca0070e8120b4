package dev.kiln.state.lock;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

final class LockRetryTest
{
    private static final LockRequest REQUEST = new LockRequest("apply", "alice@host", 1, "0.1.0");
    private static final LockInfo HOLDER = new LockInfo(UUID.randomUUID(), "plan", "bob@host", 2, "0.1.0", Instant.parse("2026-11-21T12:00:00Z"));

    @Test
    @DisplayName("without a timeout the lock is tried exactly once")
    void noTimeout()
    {
        Attempts attempts = new Attempts(Integer.MAX_VALUE);
        LockHeldException error = assertThrows(LockHeldException.class,
                () -> LockRetry.DEFAULT.acquire(attempts, REQUEST, Duration.ZERO, "kiln.state"));
        assertEquals(1, attempts.times.size());
        assertEquals(1, error.attempts());
        assertEquals(Optional.of(HOLDER), error.holder());
    }

    @Test
    @DisplayName("retries wait twice as long each time, up to the cap")
    void exponentialBackoff()
    {
        Attempts attempts = new Attempts(Integer.MAX_VALUE);
        LockRetry retry = new LockRetry(Duration.ofMillis(10), Duration.ofMillis(40));
        assertThrows(LockHeldException.class, () -> retry.acquire(attempts, REQUEST, Duration.ofMillis(250), "kiln.state"));

        List<Long> expected = List.of(10L, 20L, 40L, 40L);
        assertTrue(attempts.times.size() >= expected.size() + 1, "attempts: " + attempts.times.size());
        for (int i = 0; i < expected.size(); i++) {
            long gapMillis = (attempts.times.get(i + 1) - attempts.times.get(i)) / 1_000_000;
            assertTrue(gapMillis >= expected.get(i), "gap " + i + " was " + gapMillis + " ms");
        }
    }

    @Test
    @DisplayName("the lock is returned as soon as an attempt succeeds")
    void acquiredOnRetry()
    {
        Attempts attempts = new Attempts(2);
        LockHandle handle = new LockRetry(Duration.ofMillis(1), Duration.ofMillis(5)).acquire(attempts, REQUEST, Duration.ofSeconds(30), "kiln.state");
        assertEquals(3, attempts.times.size());
        assertEquals("apply", handle.info().operation());
    }

    @Test
    @DisplayName("an enormous timeout waits as long as needed without overflowing")
    void enormousTimeout()
    {
        Attempts attempts = new Attempts(1);
        new LockRetry(Duration.ofMillis(1), Duration.ofMillis(5)).acquire(attempts, REQUEST, Duration.ofSeconds(Long.MAX_VALUE), "kiln.state");
        assertEquals(2, attempts.times.size());
    }

    @Test
    @DisplayName("a negative timeout is a mistake of the caller")
    void negativeTimeout()
    {
        assertThrows(IllegalArgumentException.class, () -> LockRetry.DEFAULT.acquire(new Attempts(0), REQUEST, Duration.ofSeconds(-1), "kiln.state"));
    }

    /** Refuses the first {@code refusals} attempts, recording when each came. */
    private static final class Attempts
            implements Function<LockRequest, LockAttempt>
    {
        private final int refusals;
        private final List<Long> times = new ArrayList<>();

        Attempts(int refusals)
        {
            this.refusals = refusals;
        }

        @Override
        public LockAttempt apply(LockRequest request)
        {
            times.add(System.nanoTime());
            if (times.size() <= refusals) {
                return new LockAttempt.Held(Optional.of(HOLDER));
            }
            return new LockAttempt.Acquired(new LockHandle(LockInfo.grant(request, Instant.now())));
        }
    }
}
