package dev.kiln.state.encryption;

import dev.kiln.state.State;
import dev.kiln.state.TestStates;
import dev.kiln.state.backend.LocalBackend;
import dev.kiln.state.backend.LocalBackendOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A process writing sealed states is killed with SIGKILL mid-stream: the state file always opens with the key, whole, at least at the last serial reported. */
final class EncryptedStateCrashTest
{
    private static final Random RANDOM = new Random(1122);

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

    @RepeatedTest(3)
    @DisplayName("a write killed at a random moment leaves the previous sealed state (or the new one) intact, never a torn file")
    void killedWriter()
            throws Exception
    {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        writer = new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                EncryptedStateWriterMain.class.getName(), directory.toString())
                .redirectErrorStream(true)
                .start();
        BufferedReader output = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8));
        int killAfter = 5 + RANDOM.nextInt(60);
        long reported = CompletableFuture.supplyAsync(() -> lastSerial(output, killAfter)).get(120, TimeUnit.SECONDS);
        writer.destroyForcibly();
        assertTrue(writer.waitFor(30, TimeUnit.SECONDS));

        State stored = new LocalBackend(LocalBackendOptions.inDirectory(directory).withEncryption(TestKeys.encryption(TestKeys.NEW_PASSPHRASE)))
                .read().orElseThrow().state();
        assertTrue(stored.serial() >= reported, "stored serial " + stored.serial() + ", last reported " + reported);
        assertEquals(stored.serial() - TestStates.full().serial() + 1, stored.resources().size() - TestStates.full().resources().size(), "one node per write (the first keeps its serial): a whole state");
    }

    private static long lastSerial(BufferedReader reader, int count)
    {
        long last = -1;
        try {
            for (int i = 0; i < count; i++) {
                String line = reader.readLine();
                if (line == null) {
                    break;
                }
                last = Long.parseLong(line.strip());
            }
            return last;
        }
        catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("the writer printed something else than serials", e);
        }
    }
}
