package dev.kiln.executors.ssh;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The host presented a key other than the expected one (or one no known_hosts entry vouches
 * for). The message names the host and both SHA256 fingerprints. Never retried.
 */
public final class HostKeyVerificationException
        extends HostException
{
    private final Optional<String> expectedFingerprint;
    private final String presentedFingerprint;

    HostKeyVerificationException(String host, String step, Optional<String> expectedFingerprint, String presentedFingerprint, String message)
    {
        super(host, step, message, null);
        this.expectedFingerprint = requireNonNull(expectedFingerprint, "expectedFingerprint is null");
        this.presentedFingerprint = requireNonNull(presentedFingerprint, "presentedFingerprint is null");
    }

    /** The fingerprint Kiln expected ({@code SHA256:...}), empty when nothing vouched for the host at all. */
    public Optional<String> expectedFingerprint()
    {
        return expectedFingerprint;
    }

    public String presentedFingerprint()
    {
        return presentedFingerprint;
    }
}
