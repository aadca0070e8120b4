package dev.kiln.state.encryption;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.state.StateException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

final class StateEncryptionTest
{
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final byte[] SECRET = "{\"kubeconfig\":\"token: very-secret-token\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    @DisplayName("sealed bytes open again to the same plaintext with the primary key, and hold none of it readable")
    void roundTrip()
    {
        StateEncryption encryption = TestKeys.encryption(TestKeys.NEW_PASSPHRASE);
        byte[] sealed = encryption.seal(SECRET, Content.STATE);

        assertFalse(new String(sealed, StandardCharsets.UTF_8).contains("very-secret-token"));
        assertFalse(new String(sealed, StandardCharsets.UTF_8).contains("\n"), "one line, so journal records stay one per line");
        assertTrue(StateEncryption.isSealed(sealed));
        Opened opened = encryption.open(sealed, Content.STATE, "kiln.state");
        assertArrayEquals(SECRET, opened.plaintext());
        assertEquals(KeyUse.PRIMARY, opened.keyUse());
    }

    @Test
    @DisplayName("the envelope describes itself: marker first, content, method, key provider, PBKDF2 parameters, key check, 96-bit nonce, ciphertext with tag")
    void envelopeFields()
            throws Exception
    {
        byte[] sealed = TestKeys.encryption(TestKeys.NEW_PASSPHRASE).seal(SECRET, Content.PLAN);
        JsonNode envelope = MAPPER.readTree(sealed);

        assertEquals(List.of("kiln_encryption", "content", "method", "key_provider", "kdf", "key_check", "nonce", "ciphertext"), fieldNames(envelope));
        assertEquals(1, envelope.get("kiln_encryption").intValue());
        assertEquals("plan", envelope.get("content").textValue());
        assertEquals("aes_gcm", envelope.get("method").textValue());
        assertEquals("pbkdf2", envelope.get("key_provider").textValue());
        assertEquals("pbkdf2_hmac_sha512", envelope.at("/kdf/function").textValue());
        assertEquals(TestKeys.FAST_ITERATIONS, envelope.at("/kdf/iterations").intValue());
        assertEquals(16, decode(envelope.at("/kdf/salt")).length);
        assertEquals(8, decode(envelope.get("key_check")).length);
        assertEquals(12, decode(envelope.get("nonce")).length);
        assertEquals(SECRET.length + 16, decode(envelope.get("ciphertext")).length);
    }

    @Test
    @DisplayName("the configured passphrase provider derives with PBKDF2-HMAC-SHA512 and 600,000 iterations")
    void defaultIterations()
            throws Exception
    {
        StateEncryption encryption = StateEncryption.of(new Pbkdf2KeyProvider("a passphrase"), Optional.empty());
        JsonNode envelope = MAPPER.readTree(encryption.seal(SECRET, Content.STATE));

        assertEquals(600_000, envelope.at("/kdf/iterations").intValue());
        assertArrayEquals(SECRET, encryption.open(encryption.seal(SECRET, Content.STATE), Content.STATE, "kiln.state").plaintext());
    }

    @Test
    @DisplayName("every seal has a new random nonce; one process seals under one salt, another process under another")
    void freshNonceAndSalt()
            throws Exception
    {
        StateEncryption first = TestKeys.encryption(TestKeys.NEW_PASSPHRASE);
        JsonNode one = MAPPER.readTree(first.seal(SECRET, Content.STATE));
        JsonNode two = MAPPER.readTree(first.seal(SECRET, Content.STATE));
        JsonNode otherProcess = MAPPER.readTree(TestKeys.encryption(TestKeys.NEW_PASSPHRASE).seal(SECRET, Content.STATE));

        assertNotEquals(one.get("nonce"), two.get("nonce"));
        assertNotEquals(one.get("ciphertext"), two.get("ciphertext"));
        assertEquals(one.at("/kdf/salt"), two.at("/kdf/salt"));
        assertNotEquals(one.at("/kdf/salt"), otherProcess.at("/kdf/salt"));
    }

    @Test
    @DisplayName("a key derived to open one salt is derived once per process and reused for every envelope under that salt")
    void derivedKeysCached()
    {
        Pbkdf2KeyProvider writer = TestKeys.passphrase(TestKeys.NEW_PASSPHRASE);
        Pbkdf2KeyProvider reader = TestKeys.passphrase(TestKeys.NEW_PASSPHRASE);
        Optional<KdfParameters> parameters = writer.sealingKey().kdf();

        SealingKey first = reader.openingKey(parameters).orElseThrow();
        assertSame(first, reader.openingKey(parameters).orElseThrow());
        assertSame(writer.sealingKey(), writer.openingKey(parameters).orElseThrow(), "the process's own sealing key opens its own envelopes");
        assertArrayEquals(writer.sealingKey().key().getEncoded(), first.key().getEncoded());
    }

    @Test
    @DisplayName("plaintext opens as it is: without encryption, and with encryption (a file from before it was configured, to migrate)")
    void plaintextPassesThrough()
    {
        assertEquals(KeyUse.PLAINTEXT, StateEncryption.none().open(SECRET, Content.STATE, "kiln.state").keyUse());
        Opened opened = TestKeys.encryption(TestKeys.NEW_PASSPHRASE).open(SECRET, Content.STATE, "kiln.state");
        assertArrayEquals(SECRET, opened.plaintext());
        assertEquals(KeyUse.PLAINTEXT, opened.keyUse());
        assertTrue(opened.keyUse().needsResealing(true));
        assertArrayEquals(SECRET, StateEncryption.none().seal(SECRET, Content.STATE), "no encryption writes plaintext");
    }

    @Test
    @DisplayName("an encrypted file read without encryption configured is an error that says so")
    void sealedWithoutConfiguration()
    {
        byte[] sealed = TestKeys.encryption(TestKeys.NEW_PASSPHRASE).seal(SECRET, Content.STATE);
        StateException error = assertThrows(StateException.class, () -> StateEncryption.none().open(sealed, Content.STATE, "/work/kiln.state"));

        assertEquals("Encrypted state without encryption configured", error.diagnostic().summary());
        assertTrue(error.diagnostic().detail().startsWith("/work/kiln.state is encrypted but no encryption is configured."), error.diagnostic().detail());
    }

    @Test
    @DisplayName("a wrong passphrase is reported as such, naming the file and how to rotate keys, without any key or content")
    void wrongKey()
    {
        byte[] sealed = TestKeys.encryption(TestKeys.OLD_PASSPHRASE).seal(SECRET, Content.STATE);
        StateException error = assertThrows(StateException.class,
                () -> TestKeys.encryption(TestKeys.NEW_PASSPHRASE).open(sealed, Content.STATE, "/work/kiln.state"));

        assertEquals("Failed to decrypt state", error.diagnostic().summary());
        assertTrue(error.diagnostic().detail().startsWith("/work/kiln.state: wrong passphrase or corrupted file: it was encrypted"), error.diagnostic().detail());
        assertTrue(error.diagnostic().detail().contains("fallback"));
        assertFalse(error.getMessage().contains(TestKeys.NEW_PASSPHRASE) || error.getMessage().contains(TestKeys.OLD_PASSPHRASE));
        assertFalse(error.getMessage().contains("very-secret-token"));
    }

    @Test
    @DisplayName("a key file's key does not open what a passphrase sealed, and the reverse")
    void otherProvider()
    {
        byte[] key = new byte[32];
        key[0] = 7;
        StateEncryption withKeyFile = StateEncryption.of(KeyFileProvider.of(key), Optional.empty());
        byte[] sealedByPassphrase = TestKeys.encryption(TestKeys.NEW_PASSPHRASE).seal(SECRET, Content.STATE);
        byte[] sealedByKeyFile = withKeyFile.seal(SECRET, Content.STATE);

        assertArrayEquals(SECRET, withKeyFile.open(sealedByKeyFile, Content.STATE, "kiln.state").plaintext());
        assertEquals("Failed to decrypt state", assertThrows(StateException.class,
                () -> withKeyFile.open(sealedByPassphrase, Content.STATE, "kiln.state")).diagnostic().summary());
        assertEquals("Failed to decrypt state", assertThrows(StateException.class,
                () -> TestKeys.encryption(TestKeys.NEW_PASSPHRASE).open(sealedByKeyFile, Content.STATE, "kiln.state")).diagnostic().summary());
    }

    @Test
    @DisplayName("rotation: the fallback opens what the old key sealed, every new seal uses the new key, and the old key alone no longer opens it")
    void rotation()
    {
        byte[] old = TestKeys.encryption(TestKeys.OLD_PASSPHRASE).seal(SECRET, Content.STATE);
        StateEncryption rotating = TestKeys.rotating(TestKeys.NEW_PASSPHRASE, TestKeys.OLD_PASSPHRASE);

        Opened opened = rotating.open(old, Content.STATE, "kiln.state");
        assertEquals(KeyUse.FALLBACK, opened.keyUse());
        byte[] resealed = rotating.seal(opened.plaintext(), Content.STATE);
        assertEquals(KeyUse.PRIMARY, rotating.open(resealed, Content.STATE, "kiln.state").keyUse());

        assertArrayEquals(SECRET, TestKeys.encryption(TestKeys.NEW_PASSPHRASE).open(resealed, Content.STATE, "kiln.state").plaintext());
        assertThrows(StateException.class, () -> TestKeys.encryption(TestKeys.OLD_PASSPHRASE).open(resealed, Content.STATE, "kiln.state"));
    }

    @Test
    @DisplayName("a changed ciphertext or tag byte is an authentication tag mismatch, not garbage")
    void corruptedCiphertext()
            throws Exception
    {
        StateEncryption encryption = TestKeys.encryption(TestKeys.NEW_PASSPHRASE);
        ObjectNode envelope = (ObjectNode) MAPPER.readTree(encryption.seal(SECRET, Content.STATE));
        byte[] ciphertext = decode(envelope.get("ciphertext"));
        for (int position : new int[] {0, ciphertext.length - 1}) {
            byte[] changed = ciphertext.clone();
            changed[position] ^= 0x01;
            envelope.put("ciphertext", Base64.getEncoder().encodeToString(changed));
            byte[] corrupted = MAPPER.writeValueAsBytes(envelope);
            StateException error = assertThrows(StateException.class, () -> encryption.open(corrupted, Content.STATE, "kiln.state"));
            assertEquals("Failed to decrypt state", error.diagnostic().summary());
            assertTrue(error.diagnostic().detail().startsWith("kiln.state: wrong passphrase or corrupted file: authentication tag mismatch."), error.diagnostic().detail());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "changed nonce           | /nonce          | Failed to decrypt state",
            "changed salt            | /kdf/salt       | Failed to decrypt state",
            "changed key check       | /key_check      | Failed to decrypt state",
            "changed iterations      | /kdf/iterations | Failed to decrypt state",
            "unknown method          | /method         | Corrupted encrypted state",
            "other content           | /content        | Corrupted encrypted state",
            "unknown key provider    | /key_provider   | Failed to decrypt state",
            "newer envelope format   | /kiln_encryption| Unsupported encryption format",
    })
    @DisplayName("a changed header is detected: by the tag (it is authenticated) or by the header's own checks")
    void corruptedHeader(String name, String pointer, String summary)
            throws Exception
    {
        StateEncryption encryption = TestKeys.encryption(TestKeys.NEW_PASSPHRASE);
        ObjectNode envelope = (ObjectNode) MAPPER.readTree(encryption.seal(SECRET, Content.STATE));
        ObjectNode parent = (ObjectNode) envelope.at(pointer.substring(0, pointer.lastIndexOf('/')));
        String field = pointer.substring(pointer.lastIndexOf('/') + 1);
        switch (field) {
            case "nonce", "salt", "key_check" -> {
                byte[] bytes = decode(parent.get(field));
                bytes[0] ^= 0x01;
                parent.put(field, Base64.getEncoder().encodeToString(bytes));
            }
            case "iterations" -> parent.put(field, parent.get(field).intValue() + 1);
            case "method" -> parent.put(field, "aes_cbc");
            case "content" -> parent.put(field, "plan");
            case "key_provider" -> parent.put(field, "aws_kms");
            case "kiln_encryption" -> parent.put(field, 2);
            default -> throw new IllegalArgumentException(field);
        }
        byte[] corrupted = MAPPER.writeValueAsBytes(envelope);
        StateException error = assertThrows(StateException.class, () -> encryption.open(corrupted, Content.STATE, "kiln.state"));
        assertEquals(summary, error.diagnostic().summary(), error.diagnostic().detail());
    }

    @Test
    @DisplayName("a cut-off or garbled envelope is a damaged header, not a crash")
    void truncated()
    {
        StateEncryption encryption = TestKeys.encryption(TestKeys.NEW_PASSPHRASE);
        byte[] sealed = encryption.seal(SECRET, Content.STATE);
        byte[] cut = Arrays.copyOf(sealed, sealed.length / 2);
        StateException error = assertThrows(StateException.class, () -> encryption.open(cut, Content.STATE, "kiln.state"));
        assertEquals("Corrupted encrypted state", error.diagnostic().summary());
        assertTrue(error.diagnostic().detail().contains("Restore the previous version"), error.diagnostic().detail());
    }

    private static byte[] decode(JsonNode node)
    {
        return Base64.getDecoder().decode(node.textValue());
    }

    private static List<String> fieldNames(JsonNode node)
    {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
