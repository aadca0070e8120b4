package dev.kiln.state.journal;

import dev.kiln.lang.addr.InstanceKey;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.state.State;
import dev.kiln.state.StateJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A crash can stop Kiln in the middle of appending a record. Whatever byte the journal ends
 * at, every record written completely survives, nothing else is read, and reading never fails.
 */
final class JournalCrashTest
{
    private static final int ACTIONS = 30;

    @TempDir
    Path directory;

    private byte[] journal;
    private List<JournalRecord> written;
    private List<Integer> recordEnds;

    @BeforeEach
    void writeJournal()
            throws Exception
    {
        Path file = directory.resolve("complete");
        Random random = new Random(20261121);
        try (Journal journal = Journal.open(file, "run-1", JournalTest.CLOCK)) {
            for (int i = 0; i < ACTIONS; i++) {
                ResourceAddress address = new ResourceAddress("node", "w", new InstanceKey.Key("zone-" + i + "-ü"));
                JournalAction action = JournalAction.values()[random.nextInt(3)];
                JournalRecord.Intent intent = journal.intent(address, action, "sim", List.of(), StateJson.object().put("size", random.nextInt(1000)));
                if (random.nextInt(4) == 0) {
                    journal.failed(intent, "timed out after 30s", Optional.empty(), List.of());
                }
                else if (random.nextInt(5) > 0) {
                    journal.succeeded(intent, action == JournalAction.DELETE ? Optional.empty() : Optional.of(StateJson.object().put("id", "i-" + i)), List.of());
                }
            }
        }
        this.journal = Files.readAllBytes(file);
        this.written = JournalContents.read(file).records();
        this.recordEnds = new ArrayList<>();
        for (int i = 0; i < this.journal.length; i++) {
            if (this.journal[i] == '\n') {
                recordEnds.add(i);
            }
        }
        assertEquals(written.size(), recordEnds.size());
    }

    @Test
    @DisplayName("cut at every byte: the complete records survive in order, a cut-off record is a warning, never an exception")
    void everyOffset()
            throws Exception
    {
        for (int offset = 0; offset <= journal.length; offset++) {
            checkCut(offset);
        }
    }

    @Test
    @DisplayName("cut at random offsets with random garbage after a complete record: the same guarantees hold")
    void randomOffsetsWithGarbage()
            throws Exception
    {
        Random random = new Random(42);
        for (int trial = 0; trial < 200; trial++) {
            int complete = random.nextInt(recordEnds.size());
            int end = recordEnds.get(complete) + 1;
            byte[] garbage = new byte[1 + random.nextInt(40)];
            random.nextBytes(garbage);
            for (int i = 0; i < garbage.length; i++) {
                garbage[i] = garbage[i] == '\n' ? (byte) 'x' : garbage[i];
            }
            Path file = directory.resolve("garbage-" + trial);
            byte[] content = Arrays.copyOf(journal, end + garbage.length);
            System.arraycopy(garbage, 0, content, end, garbage.length);
            Files.write(file, content);

            JournalContents contents = JournalContents.read(file);
            assertEquals(written.subList(0, complete + 1), contents.records());
            assertEquals(1, contents.warnings().size());
        }
    }

    private void checkCut(int offset)
            throws Exception
    {
        Path file = directory.resolve("cut");
        Files.write(file, Arrays.copyOf(journal, offset));
        JournalContents contents = JournalContents.read(file);

        int complete = (int) recordEnds.stream().filter(end -> end <= offset).count();
        assertEquals(written.subList(0, complete), contents.records(), "cut at " + offset);
        boolean insideRecord = complete < recordEnds.size() && offset > (complete == 0 ? 0 : recordEnds.get(complete - 1) + 1);
        List<String> warnings = contents.warnings().stream().map(Diagnostic::summary).toList();
        assertEquals(insideRecord ? List.of("Incomplete journal record") : List.of(), warnings, "cut at " + offset);

        FoldResult folded = JournalFold.fold(State.create("0.1.0"), contents);
        assertTrue(folded.state().resources().keySet().containsAll(folded.reconciling()));
    }
}
