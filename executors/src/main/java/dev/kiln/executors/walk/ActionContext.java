package dev.kiln.executors.walk;

import dev.kiln.executors.walk.CancellationToken.Registration;

/**
 * What the walker hands a running action: its cancellation token and a way to say what it is
 * doing. Safe to use from any thread while the action runs; progress reported after the action
 * has ended is dropped.
 */
public interface ActionContext
{
    CancellationToken cancellation();

    /** Reports what the action is doing now ("waiting for the API server"); goes to the hooks, never printed here. */
    void progress(String message);

    default boolean isCancelled()
    {
        return cancellation().isCancelled();
    }

    /** Throws {@link java.util.concurrent.CancellationException} when cancellation has been requested. */
    default void throwIfCancelled()
    {
        cancellation().throwIfCancelled();
    }

    /** See {@link CancellationToken#onCancel(Runnable)}. */
    default Registration onCancel(Runnable callback)
    {
        return cancellation().onCancel(callback);
    }
}
