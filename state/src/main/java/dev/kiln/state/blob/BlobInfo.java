package dev.kiln.state.blob;

import static java.util.Objects.requireNonNull;

/** A blob as a listing shows it: its key and size in bytes. */
public record BlobInfo(String key, long size)
{
    public BlobInfo
    {
        requireNonNull(key, "key is null");
    }
}
