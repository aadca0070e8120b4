package dev.kiln.state.journal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.lang.addr.InstanceKey;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.state.AtomicFiles;
import dev.kiln.state.AttributePath;
import dev.kiln.state.State;
import dev.kiln.state.StateJson;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

final class JournalTest
{
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path directory;

    @Test
    @DisplayName("an intent and its result are appended as one JSON line each and read back as written")
    void appendAndRead()
            throws Exception
    {
        Path file = directory.resolve(".kiln").resolve(Journal.FILE_NAME);
        ObjectNode planned = StateJson.object().put("version", "1.29.4");
        try (Journal journal = Journal.open(file, "run-1", CLOCK)) {
            assertEquals(Optional.empty(), journal.leftover());
            JournalRecord.Intent intent = journal.intent(ResourceAddress.of("cluster", "prod"), JournalAction.CREATE, "sim",
                    List.of(ResourceAddress.of("node", "m1")), planned);
            journal.succeeded(intent, Optional.of(planned.deepCopy().put("token", "x")), List.of(AttributePath.attribute("token")));
            assertEquals(1, intent.sequence());
        }

        List<String> lines = Files.readAllLines(file);
        assertEquals(2, lines.size());
        assertEquals("{\"action\":\"create\",\"address\":\"cluster.prod\",\"at\":\"2026-11-21T12:00:00Z\",\"dependencies\":[\"node.m1\"],"
                + "\"kind\":\"intent\",\"planned\":{\"version\":\"1.29.4\"},\"provider\":\"sim\",\"run\":\"run-1\",\"sequence\":1}", lines.get(0));
        assertEquals("{\"at\":\"2026-11-21T12:00:00Z\",\"attributes\":{\"token\":\"x\",\"version\":\"1.29.4\"},\"kind\":\"result\",\"run\":\"run-1\","
                + "\"sensitive_attributes\":[[{\"attribute\":\"token\"}]],\"sequence\":1}", lines.get(1));

        JournalContents contents = JournalContents.read(file);
        assertEquals(List.of(), contents.warnings());
        JournalRecord.Result result = (JournalRecord.Result) contents.records().get(1);
        assertTrue(result.succeeded());
        assertEquals("x", result.attributes().orElseThrow().get("token").textValue());
        if (AtomicFiles.isPosix()) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
    }

    @Test
    @DisplayName("an action interrupted while it records (a second Ctrl-C) neither loses its records nor closes the journal for the others")
    void interruptedWriter()
            throws Exception
    {
        Path file = directory.resolve(Journal.FILE_NAME);
        try (Journal journal = Journal.open(file, "run-1", CLOCK)) {
            Thread cancelled = Thread.ofVirtual().unstarted(() -> {
                Thread.currentThread().interrupt();
                try {
                    JournalRecord.Intent intent = journal.intent(ResourceAddress.of("node", "m1"), JournalAction.CREATE, "sim", List.of(), StateJson.object());
                    journal.failed(intent, "cancelled", Optional.empty(), List.of());
                    journal.sync();
                }
                catch (Exception e) {
                    throw new AssertionError(e);
                }
                assertTrue(Thread.currentThread().isInterrupted(), "the interrupt stays for the action to see");
            });
            List<Throwable> failures = new ArrayList<>();
            cancelled.setUncaughtExceptionHandler((thread, failure) -> failures.add(failure));
            cancelled.start();
            cancelled.join();
            assertEquals(List.of(), failures);

            JournalRecord.Intent other = journal.intent(ResourceAddress.of("node", "m2"), JournalAction.CREATE, "sim", List.of(), StateJson.object());
            journal.succeeded(other, Optional.of(StateJson.object()), List.of());
            journal.sync();
            assertEquals(4, journal.contents().records().size());
        }
    }

    @Test
    @DisplayName("appending never rewrites earlier records: each action adds exactly its own line")
    void appendOnly()
            throws Exception
    {
        Path file = directory.resolve(Journal.FILE_NAME);
        try (Journal journal = Journal.open(file, "run-1", CLOCK)) {
            JournalRecord.Intent first = journal.intent(ResourceAddress.of("node", "m1"), JournalAction.DELETE, "sim", List.of(), StateJson.object());
            byte[] before = Files.readAllBytes(file);
            journal.succeeded(first, Optional.empty(), List.of());
            byte[] after = Files.readAllBytes(file);
            assertEquals(Arrays.toString(before), Arrays.toString(Arrays.copyOf(after, before.length)));
            assertEquals(1, new String(after, before.length, after.length - before.length).lines().count());
        }
    }

    @Test
    @DisplayName("concurrent actions get distinct sequence numbers and every record is intact")
    void concurrentAppends()
            throws Exception
    {
        Path file = directory.resolve(Journal.FILE_NAME);
        int actions = 64;
        try (Journal journal = Journal.open(file, "run-1", CLOCK); ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < actions; i++) {
                ResourceAddress address = new ResourceAddress("node", "w", new InstanceKey.Index(i));
                running.add(threads.submit(() -> {
                    JournalRecord.Intent intent = journal.intent(address, JournalAction.CREATE, "sim", List.of(), StateJson.object());
                    journal.succeeded(intent, Optional.of(StateJson.object().put("name", address.toString())), List.of());
                    return null;
                }));
            }
            for (Future<?> action : running) {
                action.get();
            }
        }
        JournalContents contents = JournalContents.read(file);
        assertEquals(2 * actions, contents.records().size());
        assertEquals(actions, contents.records().stream().filter(JournalRecord.Intent.class::isInstance).map(JournalRecord::sequence).distinct().count());
        assertEquals(actions, JournalFold.fold(State.create("0.1.0"), contents).state().resources().size());
    }

    @Test
    @DisplayName("opening a journal an earlier run left reports it, and appending waits until it is cleared")
    void leftover()
            throws Exception
    {
        Path file = directory.resolve(Journal.FILE_NAME);
        try (Journal crashed = Journal.open(file, "run-1", CLOCK)) {
            crashed.intent(ResourceAddress.of("node", "m1"), JournalAction.CREATE, "sim", List.of(), StateJson.object());
        }
        try (Journal next = Journal.open(file, "run-2", CLOCK)) {
            JournalContents leftover = next.leftover().orElseThrow();
            assertEquals(1, leftover.records().size());
            assertEquals("run-1", leftover.records().get(0).runId());
            assertThrows(IllegalStateException.class,
                    () -> next.intent(ResourceAddress.of("node", "m2"), JournalAction.CREATE, "sim", List.of(), StateJson.object()));

            next.clear();
            assertEquals(Optional.empty(), next.leftover());
            assertEquals(0, Files.size(file));
            JournalRecord.Intent intent = next.intent(ResourceAddress.of("node", "m2"), JournalAction.CREATE, "sim", List.of(), StateJson.object());
            assertEquals("run-2", intent.runId());
            assertEquals(1, intent.sequence());
        }
        try (Journal after = Journal.open(file, "run-3", CLOCK)) {
            assertEquals(1, after.leftover().orElseThrow().records().size());
        }
    }

    @Test
    @DisplayName("a successful delete records no attributes, a successful create or update must")
    void resultShape()
            throws Exception
    {
        try (Journal journal = Journal.open(directory.resolve(Journal.FILE_NAME), "run-1", CLOCK)) {
            JournalRecord.Intent delete = journal.intent(ResourceAddress.of("node", "m1"), JournalAction.DELETE, "sim", List.of(), StateJson.object());
            assertThrows(IllegalArgumentException.class, () -> journal.succeeded(delete, Optional.of(StateJson.object()), List.of()));
            JournalRecord.Intent create = journal.intent(ResourceAddress.of("node", "m2"), JournalAction.CREATE, "sim", List.of(), StateJson.object());
            assertThrows(IllegalArgumentException.class, () -> journal.succeeded(create, Optional.empty(), List.of()));
        }
    }
}
