package dev.kiln.executors.walk;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;

import static java.util.Objects.requireNonNull;

/**
 * A one-way switch that says "stop what you are doing". The walker cancels the token of every
 * running action on the second Ctrl-C; callbacks registered with {@link #onCancel(Runnable)}
 * run once, in registration order, on the thread that cancels, before the action's thread is
 * interrupted. A callback that throws does not stop the others; its exception is kept and
 * attached to the action's own exception, if it ends with one.
 */
public final class CancellationToken
{
    private final Object lock = new Object();
    private final Set<CallbackRegistration> callbacks = new LinkedHashSet<>();
    private final List<Throwable> callbackFailures = new ArrayList<>();
    private volatile boolean cancelled;

    /** Undoes one {@link #onCancel(Runnable)}, e.g. when the step it guarded is over. */
    public interface Registration
            extends AutoCloseable
    {
        @Override
        void close();
    }

    public boolean isCancelled()
    {
        return cancelled;
    }

    public void throwIfCancelled()
    {
        if (cancelled) {
            throw new CancellationException("cancelled");
        }
    }

    /**
     * Runs {@code callback} when the token is cancelled; at once, on this thread, when it
     * already is. Close the returned registration when the callback no longer applies.
     */
    public Registration onCancel(Runnable callback)
    {
        requireNonNull(callback, "callback is null");
        CallbackRegistration registration = new CallbackRegistration(callback);
        synchronized (lock) {
            if (!cancelled) {
                callbacks.add(registration);
                return registration;
            }
        }
        runGuarded(callback);
        return registration;
    }

    /** Cancels the token and runs its callbacks; later calls do nothing. */
    public void cancel()
    {
        List<CallbackRegistration> toRun;
        synchronized (lock) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            toRun = List.copyOf(callbacks);
            callbacks.clear();
        }
        for (CallbackRegistration registration : toRun) {
            runGuarded(registration.callback);
        }
    }

    /** Exceptions thrown by callbacks so far. */
    List<Throwable> callbackFailures()
    {
        synchronized (lock) {
            return List.copyOf(callbackFailures);
        }
    }

    private void runGuarded(Runnable callback)
    {
        try {
            callback.run();
        }
        catch (RuntimeException | Error e) {
            synchronized (lock) {
                callbackFailures.add(e);
            }
        }
    }

    private final class CallbackRegistration
            implements Registration
    {
        private final Runnable callback;

        private CallbackRegistration(Runnable callback)
        {
            this.callback = callback;
        }

        @Override
        public void close()
        {
            synchronized (lock) {
                callbacks.remove(this);
            }
        }
    }
}
