package dev.kiln.executors.walk;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static java.util.Objects.requireNonNull;

/**
 * Asks running walks to stop, from any thread (a SIGINT handler, a test). {@link #stop()} starts
 * nothing new and lets running actions finish; {@link #cancel()} also cancels the running
 * actions' tokens and interrupts their threads. {@link #interrupt()} is Ctrl-C: the first call
 * stops, the second cancels. Requests only escalate and stick: a control stopped before a walk
 * begins makes that walk start nothing.
 */
public final class WalkControl
{
    public enum Request
    {
        NONE, STOP, CANCEL
    }

    private final AtomicReference<Request> request = new AtomicReference<>(Request.NONE);
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public Request request()
    {
        return request.get();
    }

    public void stop()
    {
        escalate(Request.STOP);
    }

    public void cancel()
    {
        escalate(Request.CANCEL);
    }

    /** Stops on the first call and cancels on every later one; returns the request now in force. */
    public Request interrupt()
    {
        Request now = request.updateAndGet(current -> current == Request.NONE ? Request.STOP : Request.CANCEL);
        listeners.forEach(Runnable::run);
        return now;
    }

    void addListener(Runnable listener)
    {
        listeners.add(requireNonNull(listener, "listener is null"));
    }

    void removeListener(Runnable listener)
    {
        listeners.remove(listener);
    }

    private void escalate(Request wanted)
    {
        request.accumulateAndGet(wanted, (current, next) -> current.compareTo(next) >= 0 ? current : next);
        listeners.forEach(Runnable::run);
    }
}
