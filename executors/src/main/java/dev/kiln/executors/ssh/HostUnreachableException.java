package dev.kiln.executors.ssh;

/** The host could not be reached (refused, timed out, no route) after every retry, or its connection broke. */
public final class HostUnreachableException
        extends HostException
{
    HostUnreachableException(String host, String step, String message, Throwable cause)
    {
        super(host, step, message, cause);
    }
}
