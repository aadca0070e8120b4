package dev.kiln.executors.kube;

import io.fabric8.kubernetes.client.KubernetesClientException;

import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * Runs one API call with retries: conflicts, throttling, server errors and lost connections
 * are tried again with backoff (each try starts over, so a conflict re-reads the object);
 * anything else, or the last failure, becomes a {@link KubeApiException} naming the object.
 */
final class ApiCalls
{
    private final RetryPolicy policy;

    ApiCalls(RetryPolicy policy)
    {
        this.policy = policy;
    }

    <T> T call(String step, ObjectRef object, Consumer<String> log, Callable<T> call)
    {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.call();
            }
            catch (KubeApiException e) {
                throw e;
            }
            catch (KubernetesClientException e) {
                int code = Math.max(e.getCode(), 0);
                if (!RetryPolicy.retryable(code) || attempt >= policy.attempts()) {
                    throw new KubeApiException(step, object, code, reason(e) + (attempt > 1 ? " (after " + attempt + " tries)" : ""), e);
                }
                log.accept(step + " " + object + ": " + (code > 0 ? "HTTP " + code : "no answer") + ", trying again (" + (attempt + 1) + " of " + policy.attempts() + ")");
                sleep(policy.backoff(attempt).toMillis());
            }
            catch (RuntimeException e) {
                throw e;
            }
            catch (Exception e) {
                throw new KubeApiException(step, object, 0, e.getClass().getSimpleName() + ": " + e.getMessage(), e);
            }
        }
    }

    /** The server's own words when it gave a Status, else the client's message without its request dump. */
    static String reason(KubernetesClientException e)
    {
        if (e.getStatus() != null && e.getStatus().getMessage() != null && !e.getStatus().getMessage().isBlank()) {
            return e.getStatus().getMessage();
        }
        if (e.getCode() <= 0 && e.getCause() != null) {
            return "no answer from the API server (" + e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage() + ")";
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int received = message.indexOf(". Received status");
        String text = received > 0 ? message.substring(0, received) : message;
        Throwable cause = e.getCause();
        return cause == null || cause.getMessage() == null ? text : text + " (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")";
    }

    private static void sleep(long millis)
    {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting to try a Kubernetes call again");
        }
    }
}
