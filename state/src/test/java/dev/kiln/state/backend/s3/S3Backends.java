package dev.kiln.state.backend.s3;

/** Options of a backend on the tests' S3 server. */
public final class S3Backends
{
    private S3Backends() {}

    /** The state at {@code bucket}/{@code key} on {@code server}, path-style, with the server's keys. */
    public static S3BackendOptions options(S3ProxyServer server, String bucket, String key)
    {
        return S3BackendOptions.of(bucket, key, S3ProxyServer.REGION)
                .withEndpoint(server.endpoint(), true)
                .withCredentials(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY);
    }
}
