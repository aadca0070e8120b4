package dev.kiln.state.blob;

/**
 * Implemented by a stream that knows how many bytes it will deliver before they arrive (an
 * etcd snapshot stream announces its size). A store can then send it in one streamed
 * request instead of buffered parts; a stream that ends up delivering another count fails
 * the put.
 */
public interface KnownLength
{
    long length();
}
