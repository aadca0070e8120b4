package dev.kiln.state.backend.s3;

import dev.kiln.state.backend.Backend;
import dev.kiln.state.backend.BackendContractTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

@DisplayName("S3 backend (S3Proxy): the backend contract")
final class S3BackendContractTest
        extends BackendContractTest
{
    private static final AtomicInteger STATES = new AtomicInteger();

    @TempDir
    static Path directory;

    private static S3ProxyServer server;

    private final List<S3Backend> opened = new ArrayList<>();

    @BeforeAll
    static void startServer()
    {
        server = S3ProxyServer.start(directory.resolve("s3"));
        server.createBucket("kiln");
    }

    @AfterAll
    static void stopServer()
    {
        server.close();
    }

    @AfterEach
    void closeBackends()
    {
        opened.forEach(S3Backend::close);
    }

    @Override
    protected Backend newBackend()
    {
        return open(S3Backends.options(server, "kiln", "contract/" + STATES.incrementAndGet() + "/kiln.state.json"));
    }

    @Override
    protected Backend sameStorage(Backend backend)
    {
        return open(((S3Backend) backend).options());
    }

    private S3Backend open(S3BackendOptions options)
    {
        S3Backend backend = new S3Backend(options);
        opened.add(backend);
        return backend;
    }
}
