package dev.kiln.executors.walk;

import dev.kiln.executors.walk.Outcome.Cancelled;
import dev.kiln.executors.walk.Outcome.Failed;
import dev.kiln.executors.walk.Outcome.Succeeded;

import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * One action on its virtual thread, and the context it sees. The lock orders the action's end
 * against progress reports and cancellation, so no progress is reported and no thread is
 * interrupted once the action has returned.
 */
final class RunningAction<K, V>
        implements ActionContext, Runnable
{
    record Completion<K, V>(int index, Outcome<K, V> outcome) {}

    private final int index;
    private final K id;
    private final Action<V> action;
    private final GuardedHook<K> hook;
    private final Consumer<Completion<K, V>> completions;
    private final CancellationToken token = new CancellationToken();
    private final ReentrantLock lock = new ReentrantLock();
    private Thread thread;
    private boolean ended;

    RunningAction(int index, K id, Action<V> action, GuardedHook<K> hook, Consumer<Completion<K, V>> completions)
    {
        this.index = index;
        this.id = id;
        this.action = action;
        this.hook = hook;
        this.completions = completions;
    }

    @Override
    public CancellationToken cancellation()
    {
        return token;
    }

    @Override
    public void progress(String message)
    {
        requireNonNull(message, "message is null");
        lock.lock();
        try {
            if (!ended) {
                hook.progress(id, message);
            }
        }
        finally {
            lock.unlock();
        }
    }

    /** Cancels the token (its callbacks run on this thread), then interrupts the action if it is still running. */
    void cancel()
    {
        token.cancel();
        lock.lock();
        try {
            if (thread != null && !ended) {
                thread.interrupt();
            }
        }
        finally {
            lock.unlock();
        }
    }

    @Override
    public void run()
    {
        lock.lock();
        try {
            thread = Thread.currentThread();
            if (token.isCancelled()) {
                thread.interrupt();
            }
        }
        finally {
            lock.unlock();
        }
        long start = System.nanoTime();
        V value = null;
        Throwable failure = null;
        try {
            value = action.run(this);
        }
        catch (Throwable e) {
            failure = e;
        }
        Duration duration = Duration.ofNanos(System.nanoTime() - start);
        boolean cancelled = end();
        completions.accept(new Completion<>(index, outcome(value, failure, cancelled, duration)));
    }

    private boolean end()
    {
        lock.lock();
        try {
            ended = true;
            Thread.interrupted();
            return token.isCancelled();
        }
        finally {
            lock.unlock();
        }
    }

    private Outcome<K, V> outcome(V value, Throwable failure, boolean cancelled, Duration duration)
    {
        if (failure == null) {
            return new Succeeded<>(value, duration);
        }
        for (Throwable callbackFailure : token.callbackFailures()) {
            if (callbackFailure != failure) {
                failure.addSuppressed(callbackFailure);
            }
        }
        return cancelled ? new Cancelled<>(duration, failure) : new Failed<>(failure, duration);
    }
}
