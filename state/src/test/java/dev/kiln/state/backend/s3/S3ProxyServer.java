package dev.kiln.state.backend.s3;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import static java.util.Objects.requireNonNull;

/**
 * A real S3 server for tests: S3Proxy with its filesystem store under {@code dataDirectory},
 * on 127.0.0.1 and a free port, path-style addressing, one access key. It can be stopped and
 * started again on the same port and data (to stand for an outage), and stops itself at the
 * end of the JVM if a test forgets to.
 *
 * <p>Other modules use it from kiln-state's test jar ({@code <type>test-jar</type>}, test
 * scope) together with {@code org.gaul:s3proxy} (test scope); a {@code logback-test.xml} at
 * WARN keeps S3Proxy quiet (this module's test jar carries one).
 *
 * <pre>{@code
 * try (S3ProxyServer s3 = S3ProxyServer.start(temporaryDirectory)) {
 *     s3.createBucket("kiln");
 *     S3Client client = s3.client();
 *     ...
 * }
 * }</pre>
 */
public final class S3ProxyServer
        implements AutoCloseable
{
    public static final String ACCESS_KEY = "kiln-test-access";
    public static final String SECRET_KEY = "kiln-test-secret-0123456789";
    public static final String REGION = "us-east-1";

    private static final int START_ATTEMPTS = 5;
    /** An outage is abrupt: open requests are cut off, not drained (S3Proxy waits seconds by default). */
    private static final long STOP_TIMEOUT_MILLIS = 50;

    private final Path dataDirectory;
    private final boolean authenticated;
    private final Thread shutdownHook;
    private int port;
    private S3Proxy proxy;

    private S3ProxyServer(Path dataDirectory, boolean authenticated)
    {
        this.dataDirectory = dataDirectory;
        this.authenticated = authenticated;
        this.shutdownHook = Thread.ofPlatform().unstarted(this::stopQuietly);
    }

    /** Starts a server on a free loopback port with its data in {@code dataDirectory} (created when missing). */
    public static S3ProxyServer start(Path dataDirectory)
    {
        return start(dataDirectory, true);
    }

    /**
     * {@code authenticated} false accepts any signature: for tests that put a proxy in front of
     * the server which changes signed headers.
     */
    public static S3ProxyServer start(Path dataDirectory, boolean authenticated)
    {
        requireNonNull(dataDirectory, "dataDirectory is null");
        S3ProxyServer server = new S3ProxyServer(dataDirectory.toAbsolutePath(), authenticated);
        try {
            Files.createDirectories(server.dataDirectory);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Exception last = null;
        for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
            server.port = freePort();
            try {
                server.startProxy();
                Runtime.getRuntime().addShutdownHook(server.shutdownHook);
                return server;
            }
            catch (Exception e) {
                // Another test took the port between the probe and the bind: try another one.
                last = e;
            }
        }
        throw new IllegalStateException("S3Proxy did not start on a free port after " + START_ATTEMPTS + " attempts", last);
    }

    /** The endpoint URL, {@code http://127.0.0.1:PORT}. */
    public URI endpoint()
    {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port()
    {
        return port;
    }

    public Path dataDirectory()
    {
        return dataDirectory;
    }

    public synchronized boolean running()
    {
        return proxy != null;
    }

    /** Stops serving: new connections are refused, the data stays. */
    public synchronized void stop()
    {
        if (proxy == null) {
            return;
        }
        try {
            proxy.stop();
        }
        catch (Exception e) {
            // Jetty reports the requests it cut off at the stop timeout, after it has stopped.
            if (!(e.getCause() instanceof TimeoutException) && !(e instanceof TimeoutException)) {
                throw new IllegalStateException("S3Proxy did not stop", e);
            }
        }
        proxy = null;
    }

    /** Serves again on the same port from the same data, after {@link #stop()}. */
    public synchronized void restart()
    {
        if (proxy != null) {
            return;
        }
        try {
            startProxy();
        }
        catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not start again on port " + port, e);
        }
    }

    /** Creates a bucket. */
    public void createBucket(String bucket)
    {
        try (S3Client client = client()) {
            client.createBucket(request -> request.bucket(bucket));
        }
    }

    /** A client of this server (path-style, the test credentials); the caller closes it. */
    public S3Client client()
    {
        return S3Client.builder()
                .endpointOverride(endpoint())
                .forcePathStyle(true)
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(2)).socketTimeout(Duration.ofSeconds(10)))
                .build();
    }

    @Override
    public void close()
    {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        }
        catch (IllegalStateException e) {
            // The JVM is shutting down already; the hook stops the server.
        }
    }

    private synchronized void startProxy()
            throws Exception
    {
        S3Proxy started = S3Proxy.builder()
                .blobStore(new FilesystemNio2BlobStore(dataDirectory.toString()))
                .endpoint(endpoint())
                .awsAuthentication(authenticated ? AuthenticationType.AWS_V2_OR_V4 : AuthenticationType.NONE, ACCESS_KEY, SECRET_KEY)
                .ignoreUnknownHeaders(true)
                .stopTimeout(STOP_TIMEOUT_MILLIS)
                .build();
        started.start();
        while (!started.getState().equals("STARTED")) {
            if (started.getState().equals("FAILED")) {
                throw new IllegalStateException("S3Proxy failed to start on port " + port);
            }
            Thread.sleep(5);
        }
        proxy = started;
    }

    private void stopQuietly()
    {
        try {
            stop();
        }
        catch (RuntimeException e) {
            // Shutting down anyway.
        }
    }

    private static int freePort()
    {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
