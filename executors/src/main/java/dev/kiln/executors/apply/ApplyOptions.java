package dev.kiln.executors.apply;

import dev.kiln.executors.walk.WalkOptions;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * How to apply: at most {@code parallelism} actions at once ({@code -parallelism}, default 10),
 * {@code failFast} starts nothing new after the first failure, and a "still running" event
 * every {@code stillRunningInterval} of an action's run (10 s).
 */
public record ApplyOptions(int parallelism, boolean failFast, Duration stillRunningInterval)
{
    public ApplyOptions
    {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism is " + parallelism + ", expected at least 1");
        }
        requireNonNull(stillRunningInterval, "stillRunningInterval is null");
    }

    public static ApplyOptions defaults()
    {
        return new ApplyOptions(WalkOptions.DEFAULT_PARALLELISM, false, WalkOptions.DEFAULT_STILL_RUNNING_INTERVAL);
    }

    public ApplyOptions withParallelism(int newParallelism)
    {
        return new ApplyOptions(newParallelism, failFast, stillRunningInterval);
    }

    public ApplyOptions withFailFast(boolean newFailFast)
    {
        return new ApplyOptions(parallelism, newFailFast, stillRunningInterval);
    }

    WalkOptions walkOptions()
    {
        return new WalkOptions(parallelism, failFast, stillRunningInterval);
    }
}
