package dev.kiln.executors.kube;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * How often a Kubernetes call that failed with a conflict (409), throttling (429), a server
 * error (5xx) or no answer at all is tried again: up to {@code attempts} tries in all, waiting
 * {@code initialBackoff} and then twice as long each time, never more than {@code maxBackoff}.
 */
public record RetryPolicy(int attempts, Duration initialBackoff, Duration maxBackoff)
{
    public static final RetryPolicy DEFAULT = new RetryPolicy(6, Duration.ofMillis(250), Duration.ofSeconds(5));

    public RetryPolicy
    {
        requireNonNull(initialBackoff, "initialBackoff is null");
        requireNonNull(maxBackoff, "maxBackoff is null");
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1: " + attempts);
        }
    }

    /** The wait before try {@code attempt + 1}, where {@code attempt} counts from 1. */
    Duration backoff(int attempt)
    {
        long millis = initialBackoff.toMillis() << Math.min(attempt - 1, 20);
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }

    /** Whether an answer with HTTP status {@code code} (0 or less: none came) is worth another try. */
    static boolean retryable(int code)
    {
        return code <= 0 || code == 409 || code == 429 || code >= 500;
    }
}
