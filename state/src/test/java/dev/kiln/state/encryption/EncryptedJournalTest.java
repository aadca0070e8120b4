package dev.kiln.state.encryption;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.state.AttributePath;
import dev.kiln.state.State;
import dev.kiln.state.StateException;
import dev.kiln.state.StateJson;
import dev.kiln.state.TestStates;
import dev.kiln.state.backend.LocalBackend;
import dev.kiln.state.backend.LocalBackendOptions;
import dev.kiln.state.journal.FoldResult;
import dev.kiln.state.journal.Journal;
import dev.kiln.state.journal.JournalAction;
import dev.kiln.state.journal.JournalContents;
import dev.kiln.state.journal.JournalRecord;
import dev.kiln.state.lock.LockHandle;
import dev.kiln.state.lock.LockRequest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

final class EncryptedJournalTest
{
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC);
    private static final String SECRET = "kubeconfig-token-1f0e";

    @TempDir
    Path directory;

    @Test
    @DisplayName("each record is sealed into its own line, appended without rewriting, and read back by the next process with the same passphrase")
    void roundTrip()
            throws Exception
    {
        Path file = directory.resolve(Journal.FILE_NAME);
        try (Journal journal = Journal.open(file, "run-1", CLOCK, TestKeys.encryption(TestKeys.NEW_PASSPHRASE))) {
            JournalRecord.Intent intent = journal.intent(ResourceAddress.of("cluster", "prod"), JournalAction.CREATE, "sim", List.of(), planned());
            byte[] afterIntent = Files.readAllBytes(file);
            journal.succeeded(intent, Optional.of(planned().put("kubeconfig", SECRET)), List.of(AttributePath.attribute("kubeconfig")));
            byte[] afterResult = Files.readAllBytes(file);
            assertArrayEquals(afterIntent, Arrays.copyOf(afterResult, afterIntent.length), "append only");
        }

        List<String> lines = Files.readAllLines(file);
        assertEquals(2, lines.size());
        for (String line : lines) {
            assertTrue(StateEncryption.isSealed(line.getBytes(StandardCharsets.UTF_8)));
            assertFalse(line.contains(SECRET) || line.contains("cluster.prod") || line.contains("1.29.4"), line);
        }
        JournalContents contents = JournalContents.read(file, TestKeys.encryption(TestKeys.NEW_PASSPHRASE));
        assertEquals(List.of(), contents.warnings());
        JournalRecord.Result result = (JournalRecord.Result) contents.records().get(1);
        assertEquals(SECRET, result.attributes().orElseThrow().get("kubeconfig").textValue());
    }

    @Test
    @DisplayName("a leftover sealed journal is folded by the next run into the (sealed) state, and its open intents are flagged for reconciliation")
    void leftoverRecovered()
            throws Exception
    {
        Path file = directory.resolve(".kiln").resolve(Journal.FILE_NAME);
        try (Journal journal = Journal.open(file, "run-1", CLOCK, TestKeys.encryption(TestKeys.NEW_PASSPHRASE))) {
            journal.intent(ResourceAddress.of("cluster", "prod"), JournalAction.CREATE, "sim", List.of(), planned());
        }
        StateEncryption nextProcess = TestKeys.encryption(TestKeys.NEW_PASSPHRASE);
        LocalBackend backend = new LocalBackend(LocalBackendOptions.inDirectory(directory).withEncryption(nextProcess));
        LockHandle lock = backend.lock(new LockRequest("apply", "alice@ci", 1, "0.1.0"), Duration.ZERO);
        try (Journal journal = Journal.open(file, "run-2", CLOCK, nextProcess)) {
            FoldResult folded = journal.recoverLeftover(backend, lock, TestStates::empty).orElseThrow();
            assertEquals(List.of(ResourceAddress.of("cluster", "prod")), List.copyOf(folded.reconciling()));
        }
        finally {
            backend.unlock(lock);
        }
        State stored = backend.read().orElseThrow().state();
        assertTrue(stored.resource(ResourceAddress.of("cluster", "prod")).orElseThrow().needsReconciliation());
        assertEquals(0, Files.size(file), "cleared after folding");
    }

    @Test
    @DisplayName("a sealed record cut off by a crash is ignored with a warning; the records before it are kept")
    void cutOffRecord()
            throws Exception
    {
        Path file = directory.resolve(Journal.FILE_NAME);
        StateEncryption encryption = TestKeys.encryption(TestKeys.NEW_PASSPHRASE);
        try (Journal journal = Journal.open(file, "run-1", CLOCK, encryption)) {
            journal.intent(ResourceAddress.of("node", "m1"), JournalAction.CREATE, "sim", List.of(), planned());
            journal.intent(ResourceAddress.of("node", "m2"), JournalAction.CREATE, "sim", List.of(), planned());
        }
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 30));

        JournalContents contents = JournalContents.read(file, encryption);
        assertEquals(1, contents.records().size());
        assertEquals("Incomplete journal record", contents.warnings().getFirst().summary());
    }

    @Test
    @DisplayName("a complete sealed record that cannot be opened stops the read with the error instead of forgetting the action")
    void unreadableRecord()
            throws Exception
    {
        Path file = directory.resolve(Journal.FILE_NAME);
        try (Journal journal = Journal.open(file, "run-1", CLOCK, TestKeys.encryption(TestKeys.OLD_PASSPHRASE))) {
            journal.intent(ResourceAddress.of("node", "m1"), JournalAction.CREATE, "sim", List.of(), planned());
        }
        byte[] before = Files.readAllBytes(file);

        StateException wrong = assertThrows(StateException.class, () -> Journal.open(file, "run-2", CLOCK, TestKeys.encryption(TestKeys.NEW_PASSPHRASE)));
        assertEquals("Failed to decrypt journal", wrong.diagnostic().summary());
        assertTrue(wrong.diagnostic().detail().startsWith(file + " line 1: wrong passphrase or corrupted file"), wrong.diagnostic().detail());
        StateException missing = assertThrows(StateException.class, () -> JournalContents.read(file));
        assertTrue(missing.diagnostic().detail().contains("is encrypted but no encryption is configured"));
        assertArrayEquals(before, Files.readAllBytes(file));

        JournalContents rotating = JournalContents.read(file, TestKeys.rotating(TestKeys.NEW_PASSPHRASE, TestKeys.OLD_PASSPHRASE));
        assertEquals(1, rotating.records().size(), "the fallback key reads a journal left under the old key");
    }

    @Test
    @DisplayName("a plaintext journal left from before encryption was configured is read, and new records are sealed")
    void plaintextMigration()
            throws Exception
    {
        Path file = directory.resolve(Journal.FILE_NAME);
        try (Journal journal = Journal.open(file, "run-1", CLOCK)) {
            journal.intent(ResourceAddress.of("node", "m1"), JournalAction.CREATE, "sim", List.of(), planned());
        }
        StateEncryption encryption = TestKeys.encryption(TestKeys.NEW_PASSPHRASE);
        try (Journal journal = Journal.open(file, "run-2", CLOCK, encryption)) {
            assertEquals(1, journal.leftover().orElseThrow().records().size());
            journal.clear();
            journal.intent(ResourceAddress.of("node", "m2"), JournalAction.CREATE, "sim", List.of(), planned());
        }
        assertTrue(StateEncryption.isSealed(Files.readAllBytes(file)));
        Files.writeString(file, "", StandardOpenOption.APPEND);
        assertEquals(1, JournalContents.read(file, encryption).records().size());
    }

    private static ObjectNode planned()
    {
        return StateJson.object().put("version", "1.29.4");
    }
}
