package dev.kiln.providers.kubeadm.cluster;

import dev.kiln.providers.kubeadm.remote.StepFailedException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/** Work on several hosts at once, one virtual thread each; every failure is reported, the first one as the cause. */
public final class Parallel
{
    private Parallel() {}

    public static <T> void forEach(List<T> items, Consumer<T> work)
    {
        if (items.size() == 1) {
            work.accept(items.getFirst());
            return;
        }
        List<Throwable> failures = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> futures = items.stream().<Future<?>>map(item -> executor.submit(() -> work.accept(item))).toList();
            for (Future<?> future : futures) {
                try {
                    future.get();
                }
                catch (ExecutionException e) {
                    failures.add(e.getCause());
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    futures.forEach(running -> running.cancel(true));
                    throw new CancellationException("interrupted while waiting for the hosts");
                }
            }
        }
        if (failures.size() == 1) {
            throw rethrown(failures.getFirst());
        }
        if (!failures.isEmpty()) {
            StringBuilder message = new StringBuilder(failures.size() + " hosts failed:");
            failures.forEach(failure -> message.append("\n  ").append(failure.getMessage()));
            RuntimeException combined = new MultipleHostsFailedException(message.toString(), failures.getFirst());
            failures.subList(1, failures.size()).forEach(combined::addSuppressed);
            throw combined;
        }
    }

    private static RuntimeException rethrown(Throwable failure)
    {
        if (failure instanceof RuntimeException runtime) {
            return runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        return new StepFailedException("(several)", "parallel work", failure.toString(), failure);
    }

    /** Several hosts failed; the message lists each. */
    public static final class MultipleHostsFailedException
            extends RuntimeException
    {
        MultipleHostsFailedException(String message, Throwable cause)
        {
            super(message, cause);
        }
    }
}
