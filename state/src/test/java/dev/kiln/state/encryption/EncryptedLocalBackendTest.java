package dev.kiln.state.encryption;

import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.state.ResourceInstance;
import dev.kiln.state.State;
import dev.kiln.state.StateCodec;
import dev.kiln.state.StateException;
import dev.kiln.state.StateJson;
import dev.kiln.state.TestStates;
import dev.kiln.state.backend.LocalBackend;
import dev.kiln.state.backend.LocalBackendOptions;
import dev.kiln.state.backend.StateSnapshot;
import dev.kiln.state.lock.LockHandle;
import dev.kiln.state.lock.LockRequest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

final class EncryptedLocalBackendTest
{
    /** A sensitive attribute and a sensitive output of {@link TestStates#full()}. */
    private static final List<String> SECRETS = List.of("s3cr3t-token", "member-key", "apiVersion: v1");
    private static final LockRequest APPLY = new LockRequest("apply", "alice@ci-runner-1", 4242, "0.1.0");

    @TempDir
    Path directory;

    @Test
    @DisplayName("round trip: the state, its backup and its history are sealed, and read back equal with the key")
    void roundTrip()
            throws Exception
    {
        LocalBackend backend = backend(TestKeys.encryption(TestKeys.NEW_PASSPHRASE));
        State first = write(backend, TestStates.full());
        State second = write(backend, withNode(first, "m9"));

        assertEquals(second, backend.read().orElseThrow().state());
        assertEquals(second, backend(TestKeys.encryption(TestKeys.NEW_PASSPHRASE)).read().orElseThrow().state(), "another process with the same passphrase");
        assertEquals(first, backend.readHistory(backend.history().get(1).id()).orElseThrow().state());
        List<Path> files = stateFiles();
        assertEquals(4, files.size(), files.toString());
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            assertTrue(StateEncryption.isSealed(bytes), file + " is sealed");
            assertNoSecret(file, bytes);
        }
    }

    @Test
    @DisplayName("a wrong passphrase is a clear error, and the state file is left byte for byte as it was, also by a write attempt")
    void wrongKey()
            throws Exception
    {
        write(backend(TestKeys.encryption(TestKeys.OLD_PASSPHRASE)), TestStates.full());
        Path stateFile = directory.resolve("kiln.state");
        byte[] before = Files.readAllBytes(stateFile);

        LocalBackend wrong = backend(TestKeys.encryption(TestKeys.NEW_PASSPHRASE));
        StateException error = assertThrows(StateException.class, wrong::read);
        assertEquals("Failed to decrypt state", error.diagnostic().summary());
        assertTrue(error.diagnostic().detail().startsWith(stateFile + ": wrong passphrase or corrupted file"), error.diagnostic().detail());
        LockHandle lock = wrong.lock(APPLY, Duration.ZERO);
        try {
            assertThrows(StateException.class, () -> wrong.write(TestStates.empty(), lock));
            assertThrows(StateException.class, () -> wrong.resealStored(lock));
        }
        finally {
            wrong.unlock(lock);
        }
        assertArrayEquals(before, Files.readAllBytes(stateFile));
    }

    @Test
    @DisplayName("an encrypted state read without encryption configured says so, and is left untouched")
    void missingKey()
            throws Exception
    {
        write(backend(TestKeys.encryption(TestKeys.NEW_PASSPHRASE)), TestStates.full());
        Path stateFile = directory.resolve("kiln.state");
        byte[] before = Files.readAllBytes(stateFile);

        StateException error = assertThrows(StateException.class, () -> backend(StateEncryption.none()).read());
        assertTrue(error.diagnostic().detail().contains("is encrypted but no encryption is configured"), error.diagnostic().detail());
        assertArrayEquals(before, Files.readAllBytes(stateFile));
    }

    @Test
    @DisplayName("migration: a plaintext state reads with encryption on; resealing encrypts it, its backup and its history, with the same serial")
    void plaintextMigration()
            throws Exception
    {
        LocalBackend plaintext = backend(StateEncryption.none());
        State first = write(plaintext, TestStates.full());
        State second = write(plaintext, withNode(first, "m9"));
        assertFalse(StateEncryption.isSealed(Files.readAllBytes(directory.resolve("kiln.state"))));

        LocalBackend encrypted = backend(TestKeys.encryption(TestKeys.NEW_PASSPHRASE));
        assertEquals(second, encrypted.read().orElseThrow().state());
        LockHandle lock = encrypted.lock(APPLY, Duration.ZERO);
        try {
            assertEquals(Optional.of(KeyUse.PLAINTEXT), encrypted.resealStored(lock));
            assertEquals(Optional.empty(), encrypted.resealStored(lock), "done once");
        }
        finally {
            encrypted.unlock(lock);
        }
        assertEquals(second, encrypted.read().orElseThrow().state());
        assertEquals(second.serial(), encrypted.read().orElseThrow().state().serial());
        for (Path file : stateFiles()) {
            byte[] bytes = Files.readAllBytes(file);
            assertTrue(StateEncryption.isSealed(bytes), file + " is sealed");
            assertNoSecret(file, bytes);
        }
        assertThrows(StateException.class, plaintext::read);
    }

    @Test
    @DisplayName("rotation: with the old key as fallback the state reads, the next write uses the new key for the state and its copies, then the old key alone fails")
    void rotation()
            throws Exception
    {
        LocalBackend old = backend(TestKeys.encryption(TestKeys.OLD_PASSPHRASE));
        State first = write(old, TestStates.full());
        write(old, withNode(first, "m8"));

        LocalBackend rotating = backend(TestKeys.rotating(TestKeys.NEW_PASSPHRASE, TestKeys.OLD_PASSPHRASE));
        State read = rotating.read().orElseThrow().state();
        State third = write(rotating, withNode(read, "m9"));

        LocalBackend fresh = backend(TestKeys.encryption(TestKeys.NEW_PASSPHRASE));
        assertEquals(third, fresh.read().orElseThrow().state());
        for (var entry : fresh.history()) {
            assertTrue(fresh.readHistory(entry.id()).isPresent(), "the new key alone reads history entry " + entry.id());
        }
        assertEquals(withNode(first, "m8").resources(), readWith(fresh, directory.resolve("kiln.state.backup")).resources());
        StateException error = assertThrows(StateException.class, () -> old.read());
        assertEquals("Failed to decrypt state", error.diagnostic().summary());
    }

    @Test
    @DisplayName("rotation without a change: resealing alone moves the state from the fallback key to the new key")
    void rotationWithoutChange()
            throws Exception
    {
        State written = write(backend(TestKeys.encryption(TestKeys.OLD_PASSPHRASE)), TestStates.full());
        LocalBackend rotating = backend(TestKeys.rotating(TestKeys.NEW_PASSPHRASE, TestKeys.OLD_PASSPHRASE));
        LockHandle lock = rotating.lock(APPLY, Duration.ZERO);
        try {
            assertEquals(Optional.of(KeyUse.FALLBACK), rotating.resealStored(lock));
        }
        finally {
            rotating.unlock(lock);
        }
        assertEquals(written, backend(TestKeys.encryption(TestKeys.NEW_PASSPHRASE)).read().orElseThrow().state());
    }

    @Test
    @DisplayName("a damaged state file is detected and reported, never read as another state")
    void corrupted()
            throws Exception
    {
        write(backend(TestKeys.encryption(TestKeys.NEW_PASSPHRASE)), TestStates.full());
        Path stateFile = directory.resolve("kiln.state");
        String text = Files.readString(stateFile);
        int middle = text.indexOf("\"ciphertext\":\"") + 40;
        char replacement = text.charAt(middle) == 'A' ? 'B' : 'A';
        Files.writeString(stateFile, text.substring(0, middle) + replacement + text.substring(middle + 1));

        StateException error = assertThrows(StateException.class, () -> backend(TestKeys.encryption(TestKeys.NEW_PASSPHRASE)).read());
        assertTrue(error.diagnostic().detail().contains("authentication tag mismatch"), error.diagnostic().detail());
    }

    private LocalBackend backend(StateEncryption encryption)
    {
        return new LocalBackend(LocalBackendOptions.inDirectory(directory).withEncryption(encryption));
    }

    private static State write(LocalBackend backend, State state)
    {
        LockHandle lock = backend.lock(APPLY, Duration.ZERO);
        try {
            return backend.write(state, lock).state();
        }
        finally {
            backend.unlock(lock);
        }
    }

    private static State withNode(State state, String name)
    {
        return state.withResource(ResourceInstance.created(ResourceAddress.of("node", name), "sim", StateJson.object().put("address", "10.0.0.99"), TestStates.CREATED));
    }

    private static State readWith(LocalBackend backend, Path file)
            throws IOException
    {
        byte[] bytes = Files.readAllBytes(file);
        return new SealedStateCodec(TestKeys.encryption(TestKeys.NEW_PASSPHRASE)).decode(bytes, file.toString()).state();
    }

    private List<Path> stateFiles()
            throws IOException
    {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(directory)) {
            walk.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().startsWith("kiln.state") && !file.getFileName().toString().endsWith(".lock"))
                    .forEach(files::add);
        }
        return files;
    }

    private static void assertNoSecret(Path file, byte[] bytes)
    {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        for (String secret : SECRETS) {
            assertFalse(text.contains(secret), file + " holds \"" + secret + "\"");
        }
        assertFalse(text.contains(StateCodec.standard().encode(TestStates.empty()).substring(0, 20)), file + " holds plaintext JSON");
    }
}
