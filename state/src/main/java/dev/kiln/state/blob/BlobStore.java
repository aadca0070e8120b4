package dev.kiln.state.blob;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * A place that keeps named blobs (etcd snapshots, their metadata, exported objects): a
 * directory or an S3 bucket. Keys are relative paths with {@code /} between segments
 * ({@link BlobKeys#check}). A blob appears whole or not at all: a reader never sees a
 * partly written one. Content is streamed; no implementation holds a whole blob in memory
 * or copies it to a temporary file elsewhere.
 */
public interface BlobStore
        extends Closeable
{
    /**
     * Stores {@code content} (read to its end, not closed) as {@code key}, replacing any blob
     * of that key, and returns its size and SHA-256 computed while streaming.
     */
    StoredBlob put(String key, InputStream content)
            throws IOException;

    /** The content of {@code key}, to be closed by the caller; {@link NoSuchBlobException} when there is none. */
    InputStream get(String key)
            throws IOException;

    /** The blobs whose key starts with {@code prefix} (empty: all), ordered by key. */
    List<BlobInfo> list(String prefix)
            throws IOException;

    /** Deletes {@code key}; whether there was such a blob. */
    boolean delete(String key)
            throws IOException;

    boolean exists(String key)
            throws IOException;

    /** Where the blobs live, as a URL without secrets: {@code file:///backups} or {@code s3://bucket/prefix}. */
    String location();

    @Override
    default void close()
            throws IOException
    {
    }
}
