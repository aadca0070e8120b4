package dev.kiln.providers.kubeadm.remote;

import static java.util.Objects.requireNonNull;

/** A step failed on a host: the message names the host, the step and what went wrong. */
public final class StepFailedException
        extends RuntimeException
{
    private final String host;
    private final String step;

    public StepFailedException(String host, String step, String problem)
    {
        super(requireNonNull(host, "host is null") + ": " + requireNonNull(step, "step is null") + ": " + requireNonNull(problem, "problem is null"));
        this.host = host;
        this.step = step;
    }

    public StepFailedException(String host, String step, String problem, Throwable cause)
    {
        super(host + ": " + step + ": " + problem, cause);
        this.host = host;
        this.step = step;
    }

    static StepFailedException command(String host, String step, String what, Result result)
    {
        String tail = result.tail();
        return new StepFailedException(host, step, what + " exited with " + result.exitCode() + (tail.isEmpty() ? "" : ":\n" + tail));
    }

    public String host()
    {
        return host;
    }

    public String step()
    {
        return step;
    }
}
