package dev.kiln.executors.ssh;

/** The host refused every configured way to log in (or sudo refused the user). Never retried. */
public final class HostAuthenticationException
        extends HostException
{
    HostAuthenticationException(String host, String step, String message, Throwable cause)
    {
        super(host, step, message, cause);
    }
}
