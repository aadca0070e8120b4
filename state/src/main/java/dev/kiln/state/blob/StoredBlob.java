package dev.kiln.state.blob;

import static java.util.Objects.requireNonNull;

/** A blob just stored: its key, size in bytes and SHA-256 (lower-case hexadecimal). */
public record StoredBlob(String key, long size, String sha256)
{
    public StoredBlob
    {
        requireNonNull(key, "key is null");
        requireNonNull(sha256, "sha256 is null");
        if (size < 0) {
            throw new IllegalArgumentException("negative size: " + size);
        }
    }
}
