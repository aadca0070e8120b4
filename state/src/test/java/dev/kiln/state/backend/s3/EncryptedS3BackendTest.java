package dev.kiln.state.backend.s3;

import dev.kiln.state.State;
import dev.kiln.state.backend.Backend;
import dev.kiln.state.backend.BackendContractTest;
import dev.kiln.state.encryption.KeyUse;
import dev.kiln.state.encryption.Pbkdf2KeyProvider;
import dev.kiln.state.encryption.StateEncryption;
import dev.kiln.state.lock.LockHandle;
import dev.kiln.state.lock.LockRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.kiln.state.backend.s3.S3LeaseTest.withOutput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("S3 backend with state encryption: the contract, and no plaintext state in any object")
final class EncryptedS3BackendTest
        extends BackendContractTest
{
    private static final StateEncryption ENCRYPTION = StateEncryption.of(Pbkdf2KeyProvider.withIterations("a passphrase for the tests", 1_000), Optional.empty());
    private static final LockRequest APPLY = new LockRequest("apply", "alice@ci-runner-1", 4242, "0.1.0");
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
        return open(options().withEncryption(ENCRYPTION));
    }

    @Override
    protected Backend sameStorage(Backend backend)
    {
        return open(((S3Backend) backend).options());
    }

    @Test
    @DisplayName("turning encryption on seals the stored state and every history version again; no object holds the plaintext")
    void resealOnEncryption()
    {
        S3BackendOptions plain = options();
        S3Backend plaintext = open(plain);
        State state = State.create("0.1.0");
        for (String writer : List.of("first-marker", "second-marker")) {
            LockHandle lock = plaintext.lock(APPLY, Duration.ZERO);
            state = plaintext.write(withOutput(state, writer), lock).state();
            plaintext.unlock(lock);
        }
        S3Backend encrypted = open(plain.withEncryption(ENCRYPTION));
        LockHandle lock = encrypted.lock(APPLY, Duration.ZERO);
        assertEquals(Optional.of(KeyUse.PLAINTEXT), encrypted.resealStored(lock));
        encrypted.unlock(lock);

        assertEquals(state, encrypted.read().orElseThrow().state());
        try (S3Client client = server.client()) {
            List<String> keys = client.listObjectsV2(request -> request.bucket("kiln").prefix(plain.key())).contents().stream().map(object -> object.key()).toList();
            assertEquals(4, keys.size(), "the state, two versions and the resealed one: " + keys);
            for (String key : keys) {
                String stored = client.getObjectAsBytes(request -> request.bucket("kiln").key(key)).asString(StandardCharsets.ISO_8859_1);
                assertTrue(StateEncryption.isSealed(stored.getBytes(StandardCharsets.ISO_8859_1)), key);
                assertFalse(stored.contains("marker"), key + " holds plaintext");
            }
        }
    }

    private S3Backend open(S3BackendOptions options)
    {
        S3Backend backend = new S3Backend(options);
        opened.add(backend);
        return backend;
    }

    private static S3BackendOptions options()
    {
        return S3Backends.options(server, "kiln", "encrypted/" + STATES.incrementAndGet() + "/kiln.state.json");
    }
}
