package dev.kiln.providers.backup;

/**
 * A backup operation refused or failed for a reason the operator can act on: a checksum
 * mismatch, a Kubernetes minor that differs, an unknown backup. The message says what, why
 * and what to do; it never holds a secret.
 */
public final class BackupException
        extends Exception
{
    public BackupException(String message)
    {
        super(message);
    }

    public BackupException(String message, Throwable cause)
    {
        super(message, cause);
    }
}
