package dev.kiln.executors.walk;

/**
 * The work of one item. It runs on its own virtual thread and should honour its context's
 * cancellation: poll {@link ActionContext#isCancelled()} between steps, register
 * {@link ActionContext#onCancel(Runnable)} to abort what blocks (close a connection), and let
 * {@link InterruptedException} end it. Returning normally means it succeeded, with its value
 * ({@code null} for {@code Action<Void>}); throwing means it failed (or was cancelled, when
 * cancellation had been requested).
 */
@FunctionalInterface
public interface Action<V>
{
    V run(ActionContext context)
            throws Exception;
}
