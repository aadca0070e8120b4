package dev.kiln.executors.walk;

import dev.kiln.executors.hook.WalkHook;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** Calls a hook, keeping the first exception it throws instead of letting it break the walk. */
final class GuardedHook<K>
{
    private final WalkHook<K> hook;
    private final AtomicReference<Throwable> firstFailure = new AtomicReference<>();

    GuardedHook(WalkHook<K> hook)
    {
        this.hook = hook;
    }

    void started(K id)
    {
        call(() -> hook.started(id));
    }

    void progress(K id, String message)
    {
        call(() -> hook.progress(id, message));
    }

    void stillRunning(K id, Duration elapsed)
    {
        call(() -> hook.stillRunning(id, elapsed));
    }

    void finished(K id, Outcome<K, ?> outcome)
    {
        call(() -> hook.finished(id, outcome));
    }

    Optional<Throwable> firstFailure()
    {
        return Optional.ofNullable(firstFailure.get());
    }

    private void call(Runnable call)
    {
        try {
            call.run();
        }
        catch (VirtualMachineError e) {
            throw e;
        }
        catch (Throwable e) {
            firstFailure.compareAndSet(null, e);
        }
    }
}
