package dev.kiln.executors.ssh;

import static java.util.Objects.requireNonNull;

/** A file that is now on a host: its remote path, size and SHA-256, and whether it was already there. */
public record UploadResult(String host, String remotePath, long bytes, String sha256, boolean skipped)
{
    public UploadResult
    {
        requireNonNull(host, "host is null");
        requireNonNull(remotePath, "remotePath is null");
        requireNonNull(sha256, "sha256 is null");
    }
}
