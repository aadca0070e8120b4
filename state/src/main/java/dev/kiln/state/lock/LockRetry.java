package dev.kiln.state.lock;

import dev.kiln.state.StateException;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * {@code -lock-timeout} semantics for any backend: try at once, then retry with exponential
 * backoff (doubling from {@code initialDelay}, capped at {@code maximumDelay}) until the
 * timeout has passed; a zero timeout tries exactly once.
 */
public record LockRetry(Duration initialDelay, Duration maximumDelay)
{
    public static final LockRetry DEFAULT = new LockRetry(Duration.ofMillis(50), Duration.ofSeconds(2));

    private static final Duration LONGEST_WAIT = Duration.ofDays(36_500);

    public LockRetry
    {
        requireNonNull(initialDelay, "initialDelay is null");
        requireNonNull(maximumDelay, "maximumDelay is null");
        if (initialDelay.isNegative() || initialDelay.isZero() || maximumDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("delays must be positive and the maximum at least the initial delay");
        }
    }

    public LockHandle acquire(Function<LockRequest, LockAttempt> tryLock, LockRequest request, Duration timeout, String location)
    {
        requireNonNull(tryLock, "tryLock is null");
        requireNonNull(request, "request is null");
        requireNonNull(timeout, "timeout is null");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("negative lock timeout " + timeout);
        }
        long deadline = System.nanoTime() + (timeout.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : timeout).toNanos();
        Duration delay = initialDelay;
        int attempts = 0;
        while (true) {
            attempts++;
            Optional<LockInfo> holder;
            switch (tryLock.apply(request)) {
                case LockAttempt.Acquired acquired -> {
                    return acquired.handle();
                }
                case LockAttempt.Held held -> holder = held.holder();
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw new LockHeldException(location, holder, timeout, attempts);
            }
            sleep(Math.min(delay.toNanos(), remaining));
            delay = delay.multipliedBy(2).compareTo(maximumDelay) > 0 ? maximumDelay : delay.multipliedBy(2);
        }
    }

    private static void sleep(long nanos)
    {
        try {
            Thread.sleep(Duration.ofNanos(nanos));
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw StateException.error("Error acquiring the state lock", "Interrupted while waiting for the state lock.");
        }
    }
}
