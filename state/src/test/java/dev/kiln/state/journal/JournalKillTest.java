package dev.kiln.state.journal;

import dev.kiln.lang.addr.InstanceKey;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.state.State;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A process appending to the journal is killed with SIGKILL at a random moment; nothing it reported written is lost. */
final class JournalKillTest
{
    private static final Random RANDOM = new Random(1121);

    @TempDir
    Path directory;

    private Process writer;

    @AfterEach
    void killWriter()
            throws InterruptedException
    {
        if (writer != null) {
            writer.destroyForcibly();
            writer.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @RepeatedTest(4)
    @DisplayName("every record the killed process saw written survives, in order, and the journal folds without error")
    void killedWriter()
            throws Exception
    {
        Path file = directory.resolve(Journal.FILE_NAME);
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        writer = new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                JournalWriterMain.class.getName(), file.toString())
                .redirectErrorStream(true)
                .start();
        BufferedReader output = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8));
        int killAfter = 20 + RANDOM.nextInt(400);
        Set<String> reported = CompletableFuture.supplyAsync(() -> readLines(output, killAfter)).get(120, TimeUnit.SECONDS);
        writer.destroyForcibly();
        assertTrue(writer.waitFor(30, TimeUnit.SECONDS));

        JournalContents contents = JournalContents.read(file);
        Set<String> recorded = new HashSet<>();
        long previousIntent = 0;
        for (JournalRecord record : contents.records()) {
            switch (record) {
                case JournalRecord.Intent intent -> {
                    assertEquals(previousIntent + 1, intent.sequence(), "intents in order, none missing");
                    previousIntent = intent.sequence();
                    recorded.add("intent " + intent.sequence());
                }
                case JournalRecord.Result result -> recorded.add("result " + result.sequence());
            }
        }
        assertTrue(recorded.containsAll(reported), "lost: " + reported.stream().filter(line -> !recorded.contains(line)).toList());
        assertTrue(contents.warnings().size() <= 1, contents.warnings().toString());

        FoldResult folded = JournalFold.fold(State.create("0.1.0"), contents);
        for (long sequence = 1; sequence <= previousIntent; sequence++) {
            ResourceAddress address = new ResourceAddress("node", "w", new InstanceKey.Index((int) sequence - 1));
            boolean finished = recorded.contains("result " + sequence);
            assertEquals(!finished, folded.state().resource(address).orElseThrow().needsReconciliation(), address.toString());
        }
        assertEquals(List.copyOf(folded.reconciling()), folded.reconciling().stream().sorted().toList());
    }

    private static Set<String> readLines(BufferedReader reader, int count)
    {
        Set<String> lines = new HashSet<>();
        try {
            for (int i = 0; i < count; i++) {
                String line = reader.readLine();
                if (line == null) {
                    break;
                }
                lines.add(line);
            }
            return lines;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
