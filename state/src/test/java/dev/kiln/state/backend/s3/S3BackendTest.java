package dev.kiln.state.backend.s3;

import dev.kiln.state.State;
import dev.kiln.state.StateException;
import dev.kiln.state.backend.HistoryEntry;
import dev.kiln.state.lock.LockHandle;
import dev.kiln.state.lock.LockRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.kiln.state.backend.s3.S3LeaseTest.withOutput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("S3 backend: history retention, server-side encryption, the conditional-write probe and failures")
final class S3BackendTest
{
    private static final LockRequest APPLY = new LockRequest("apply", "alice@ci-runner-1", 4242, "0.1.0");
    private static final AtomicInteger STATES = new AtomicInteger();

    @TempDir
    static Path directory;

    private static S3ProxyServer server;

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

    @Test
    @DisplayName("the history keeps the newest versions up to its limit, under <key>.history/")
    void historyRetention()
    {
        S3BackendOptions options = options().withHistoryLimit(2);
        try (S3Backend backend = new S3Backend(options); S3Client client = server.client()) {
            State state = State.create("0.1.0");
            for (String writer : List.of("a", "b", "c", "d")) {
                state = write(backend, withOutput(state, writer));
            }
            List<HistoryEntry> history = backend.history();
            assertEquals(List.of(4L, 3L), history.stream().map(HistoryEntry::serial).toList());
            assertEquals(state, backend.readHistory(history.getFirst().id()).orElseThrow().state());
            List<String> keys = client.listObjectsV2(request -> request.bucket("kiln").prefix(options.key() + ".history/")).contents().stream()
                    .map(object -> object.key().substring(options.key().length()))
                    .toList();
            assertEquals(2, keys.size(), keys.toString());
            assertTrue(keys.getFirst().startsWith(".history/00000000000000000003-"), keys.toString());
        }
    }

    @Test
    @DisplayName("sse asks for server-side encryption of the state (not of the lock): a server without it refuses the write, and the error says so")
    void serverSideEncryption()
    {
        S3BackendOptions options = options().withServerSideEncryption("AES256", Optional.empty());
        try (S3Backend backend = new S3Backend(options)) {
            LockHandle lock = backend.lock(APPLY, Duration.ZERO);
            StateException refused = assertThrows(StateException.class, () -> backend.write(State.create("0.1.0"), lock));
            String detail = refused.diagnostic().detail();
            assertTrue(detail.startsWith("Writing the state failed for s3://kiln/" + options.key()), detail);
            assertTrue(detail.contains("HTTP 501 (NotImplemented)") && detail.contains("server-side encryption"), detail);
            backend.unlock(lock);
            assertEquals(Optional.empty(), backend.read());
        }
    }

    @Test
    @DisplayName("a server that honours conditional writes passes the probe, which leaves no object behind")
    void probePasses()
    {
        S3BackendOptions options = options();
        try (S3Backend backend = new S3Backend(options); S3Client client = server.client()) {
            backend.checkConditionalWrites();
            assertEquals(0, client.listObjectsV2(request -> request.bucket("kiln").prefix(options.key())).keyCount());
        }
    }

    @Test
    @DisplayName("a server that ignores If-None-Match and If-Match is refused by the probe, with why and how to upgrade")
    void probeRefusesOldServer()
            throws Exception
    {
        try (S3ProxyServer open = S3ProxyServer.start(directory.resolve("unauthenticated"), false);
                HeaderStrippingProxy old = HeaderStrippingProxy.start(open.endpoint())) {
            open.createBucket("kiln");
            S3BackendOptions options = options().withEndpoint(old.endpoint(), true);
            try (S3Backend backend = new S3Backend(options)) {
                StateException refused = assertThrows(StateException.class, backend::checkConditionalWrites);
                assertEquals("S3 server ignores conditional writes", refused.diagnostic().summary());
                String detail = refused.diagnostic().detail();
                for (String expected : List.of("If-None-Match: *", old.endpoint().toString(), "MinIO", "upgrade")) {
                    assertTrue(detail.contains(expected), expected + " missing from: " + detail);
                }
            }
            try (S3Backend direct = new S3Backend(options().withEndpoint(open.endpoint(), true))) {
                direct.checkConditionalWrites();
            }
        }
    }

    @Test
    @DisplayName("a missing bucket, on reading or locking, is an error naming it and saying Kiln does not create it; no key appears in any message")
    void missingBucket()
    {
        S3BackendOptions options = S3Backends.options(server, "no-such-bucket", "kiln.state.json");
        try (S3Backend backend = new S3Backend(options)) {
            StateException error = assertThrows(StateException.class, backend::read);
            String detail = error.diagnostic().detail();
            assertTrue(detail.contains("s3://no-such-bucket/kiln.state.json"), detail);
            assertTrue(detail.contains("create it"), detail);
            assertFalse(error.getMessage().contains(S3ProxyServer.SECRET_KEY));
            StateException locking = assertThrows(StateException.class, () -> backend.tryLock(APPLY));
            assertTrue(locking.diagnostic().detail().contains("bucket does not exist") || locking.diagnostic().detail().contains("NoSuchBucket"),
                    locking.diagnostic().detail());
            assertFalse(options.toString().contains(S3ProxyServer.SECRET_KEY), options.toString());
            assertFalse(options.toString().contains(S3ProxyServer.ACCESS_KEY), options.toString());
        }
    }

    @Test
    @DisplayName("an unreachable server is an error naming the endpoint and the step")
    void unreachable()
            throws Exception
    {
        try (S3ProxyServer stopped = S3ProxyServer.start(directory.resolve("stopped"))) {
            stopped.stop();
            try (S3Backend backend = new S3Backend(S3Backends.options(stopped, "kiln", "kiln.state.json"))) {
                StateException error = assertThrows(StateException.class, backend::read);
                assertEquals("S3 state backend unreachable", error.diagnostic().summary());
                assertTrue(error.diagnostic().detail().startsWith("Reading the state failed for s3://kiln/kiln.state.json at " + stopped.endpoint()),
                        error.diagnostic().detail());
            }
        }
    }

    private static State write(S3Backend backend, State state)
    {
        LockHandle lock = backend.lock(APPLY, Duration.ZERO);
        try {
            return backend.write(state, lock).state();
        }
        finally {
            backend.unlock(lock);
        }
    }

    private static S3BackendOptions options()
    {
        return S3Backends.options(server, "kiln", "backend/" + STATES.incrementAndGet() + "/kiln.state.json");
    }
}
