package dev.kiln.executors.walk;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * How to walk: at most {@code parallelism} actions at once (Terraform's {@code -parallelism},
 * default 10); {@code failFast} starts nothing new after the first failure; a
 * {@code stillRunning} hook event every {@code stillRunningInterval} of an action's run
 * (default 10 s).
 */
public record WalkOptions(int parallelism, boolean failFast, Duration stillRunningInterval)
{
    public static final int DEFAULT_PARALLELISM = 10;
    public static final Duration DEFAULT_STILL_RUNNING_INTERVAL = Duration.ofSeconds(10);

    public WalkOptions
    {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism is " + parallelism + ", expected at least 1");
        }
        requireNonNull(stillRunningInterval, "stillRunningInterval is null");
        if (stillRunningInterval.isNegative() || stillRunningInterval.isZero()) {
            throw new IllegalArgumentException("stillRunningInterval is " + stillRunningInterval + ", expected a positive duration");
        }
    }

    public static WalkOptions defaults()
    {
        return new WalkOptions(DEFAULT_PARALLELISM, false, DEFAULT_STILL_RUNNING_INTERVAL);
    }

    public WalkOptions withParallelism(int parallelism)
    {
        return new WalkOptions(parallelism, failFast, stillRunningInterval);
    }

    public WalkOptions withFailFast(boolean failFast)
    {
        return new WalkOptions(parallelism, failFast, stillRunningInterval);
    }

    public WalkOptions withStillRunningInterval(Duration stillRunningInterval)
    {
        return new WalkOptions(parallelism, failFast, stillRunningInterval);
    }
}
