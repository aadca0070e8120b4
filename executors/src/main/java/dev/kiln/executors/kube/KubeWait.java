package dev.kiln.executors.kube;

import dev.kiln.executors.walk.ActionContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * Waits until a condition over Kubernetes objects holds. The condition is checked at once,
 * then whenever a watched object changes and at least every poll interval: the watches only
 * make the wait react sooner, so a watch that drops (a restarted API server, a proxy timing
 * out) costs a poll interval, after which it is opened again. What the condition reports is
 * passed on as progress when it changes; a timeout fails with the last report.
 */
public final class KubeWait
{
    private KubeWait() {}

    /** What a check found: done (with a result), still waiting (and why), or failed for good. */
    public sealed interface Check<T>
    {
        static <T> Check<T> done(T value)
        {
            return new Done<>(value);
        }

        static <T> Check<T> pending(String status)
        {
            return new Pending<>(status);
        }

        static <T> Check<T> failed(String reason)
        {
            return new Failed<>(reason);
        }

        record Done<T>(T value)
                implements Check<T> {}

        record Pending<T>(String status)
                implements Check<T>
        {
            public Pending
            {
                requireNonNull(status, "status is null");
            }
        }

        record Failed<T>(String reason)
                implements Check<T>
        {
            public Failed
            {
                requireNonNull(reason, "reason is null");
            }
        }
    }

    /** Objects of one kind, with all of {@code labels}, in the client's namespace, whose changes wake the wait. */
    public record Watched(String apiVersion, String kind, Map<String, String> labels)
    {
        public Watched
        {
            requireNonNull(apiVersion, "apiVersion is null");
            requireNonNull(kind, "kind is null");
            labels = Map.copyOf(labels);
        }
    }

    /** How long to wait in all, and the longest time between two checks. */
    public record Options(Duration timeout, Duration pollInterval)
    {
        public Options
        {
            requireNonNull(timeout, "timeout is null");
            requireNonNull(pollInterval, "pollInterval is null");
            if (pollInterval.isNegative() || pollInterval.isZero()) {
                throw new IllegalArgumentException("pollInterval must be positive: " + pollInterval);
            }
        }
    }

    /**
     * Checks {@code check} until it is done (its value is returned) or failed
     * ({@link KubeWaitException}), the timeout passes ({@link KubeTimeoutException}) or the
     * action is cancelled ({@link CancellationException}).
     */
    public static <T> T until(KubeClient client, String waitingFor, List<Watched> watched, Supplier<Check<T>> check, Options options, ActionContext context)
    {
        requireNonNull(client, "client is null");
        requireNonNull(waitingFor, "waitingFor is null");
        requireNonNull(check, "check is null");
        requireNonNull(options, "options is null");
        requireNonNull(context, "context is null");
        Semaphore wake = new Semaphore(0);
        List<Watching> watches = watched.stream().map(target -> new Watching(client, target, wake)).toList();
        long deadline = System.nanoTime() + options.timeout().toNanos();
        String last = "nothing yet";
        try {
            while (true) {
                context.throwIfCancelled();
                watches.forEach(Watching::ensureOpen);
                switch (check.get()) {
                    case Check.Done<T> done -> {
                        return done.value();
                    }
                    case Check.Failed<T> failed -> throw new KubeWaitException(waitingFor + " failed: " + failed.reason());
                    case Check.Pending<T> pending -> {
                        if (!pending.status().equals(last)) {
                            context.progress(pending.status());
                            last = pending.status();
                        }
                    }
                }
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw new KubeTimeoutException(waitingFor, options.timeout(), last);
                }
                sleep(wake, Math.min(remaining, options.pollInterval().toNanos()));
            }
        }
        finally {
            watches.forEach(Watching::close);
        }
    }

    /** "90s", "5m", "1m30s": a duration as messages show it. */
    public static String describe(Duration duration)
    {
        long seconds = duration.toSeconds();
        if (seconds == 0) {
            return duration.toMillis() + "ms";
        }
        if (seconds < 60 || seconds % 60 != 0 && seconds < 120) {
            return seconds + "s";
        }
        return seconds / 60 + "m" + (seconds % 60 == 0 ? "" : seconds % 60 + "s");
    }

    private static void sleep(Semaphore wake, long nanos)
    {
        try {
            if (wake.tryAcquire(nanos, TimeUnit.NANOSECONDS)) {
                wake.drainPermits();
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting");
        }
    }

    /** One watch, opened again on the next check after it ended. */
    private static final class Watching
    {
        private final KubeClient client;
        private final Watched target;
        private final Semaphore wake;
        private volatile boolean closed = true;
        private Optional<AutoCloseable> watch = Optional.empty();

        Watching(KubeClient client, Watched target, Semaphore wake)
        {
            this.client = client;
            this.target = target;
            this.wake = wake;
        }

        void ensureOpen()
        {
            if (!closed) {
                return;
            }
            close();
            try {
                closed = false;
                watch = Optional.of(client.watch(target.apiVersion(), target.kind(), target.labels(), wake::release, () -> {
                    closed = true;
                    wake.release();
                }));
            }
            catch (KubeApiException e) {
                // Polling goes on without the watch; the next check tries to open it again.
                closed = true;
            }
        }

        void close()
        {
            List<AutoCloseable> open = new ArrayList<>();
            watch.ifPresent(open::add);
            watch = Optional.empty();
            for (AutoCloseable each : open) {
                try {
                    each.close();
                }
                catch (Exception e) {
                    // A watch that cannot be closed cleanly is already gone.
                }
            }
        }
    }
}
