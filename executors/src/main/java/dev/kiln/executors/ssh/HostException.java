package dev.kiln.executors.ssh;

import static java.util.Objects.requireNonNull;

/**
 * Something failed on (or on the way to) a host. The message names the host and the step and
 * never holds a secret the transport knows.
 */
public sealed class HostException
        extends RuntimeException
        permits HostCommandException, HostUnreachableException, HostAuthenticationException, HostKeyVerificationException
{
    private final String host;
    private final String step;

    HostException(String host, String step, String message, Throwable cause)
    {
        super(message, cause);
        this.host = requireNonNull(host, "host is null");
        this.step = requireNonNull(step, "step is null");
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
