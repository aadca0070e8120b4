package dev.kiln.state.lock;

import dev.kiln.state.StateException;
import dev.kiln.state.backend.LocalBackend;
import dev.kiln.state.backend.LocalBackendOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lock contention between two JVM processes over one local state. */
final class LocalLockProcessTest
{
    private static final LockRequest PLAN = new LockRequest("plan", "tester@localhost", ProcessHandle.current().pid(), "0.1.0");

    @TempDir
    Path directory;

    private Process holder;

    @AfterEach
    void killHolder()
            throws InterruptedException
    {
        if (holder != null) {
            holder.destroyForcibly();
            holder.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    @DisplayName("a lock held by another process is refused naming that process; killing it frees the lock at once")
    void otherProcess()
            throws Exception
    {
        String lockId = startHolder();
        LocalBackend backend = new LocalBackend(LocalBackendOptions.inDirectory(directory));

        LockHeldException error = assertThrows(LockHeldException.class, () -> backend.lock(PLAN, Duration.ofMillis(200)));
        LockInfo info = error.holder().orElseThrow();
        assertEquals(lockId, info.id().toString());
        assertEquals(holder.pid(), info.pid());
        assertEquals("apply", info.operation());
        assertTrue(error.diagnostic().detail().contains("PID:       " + holder.pid()), error.diagnostic().detail());

        StateException refused = assertThrows(StateException.class, () -> backend.forceUnlock(lockId));
        assertTrue(refused.diagnostic().detail().contains("held by a running process (pid " + holder.pid()), refused.diagnostic().detail());

        holder.destroyForcibly();
        assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
        assertTrue(Files.exists(directory.resolve(".kiln/kiln.state.lock.info")), "the dead holder's info file is left behind");
        LockHandle taken = backend.lock(PLAN, Duration.ZERO);
        assertEquals("plan", taken.info().operation());
        backend.unlock(taken);
    }

    @Test
    @DisplayName("force-unlock of a killed holder's lock clears the info it left behind")
    void forceUnlockAfterKill()
            throws Exception
    {
        String lockId = startHolder();
        holder.destroyForcibly();
        assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
        LocalBackend backend = new LocalBackend(LocalBackendOptions.inDirectory(directory));

        assertThrows(StateException.class, () -> backend.forceUnlock("not-" + lockId));
        backend.forceUnlock(lockId);
        assertFalse(Files.exists(directory.resolve(".kiln/kiln.state.lock.info")));
        assertThrows(StateException.class, () -> backend.forceUnlock(lockId), "nothing left to unlock");
    }

    private String startHolder()
            throws Exception
    {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        holder = new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                LockHolderMain.class.getName(), directory.toString())
                .redirectErrorStream(true)
                .start();
        BufferedReader output = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
        String line = CompletableFuture.supplyAsync(() -> readLine(output)).get(60, TimeUnit.SECONDS);
        assertTrue(line != null && line.startsWith("locked "), "the holder process printed: " + line);
        return line.substring("locked ".length());
    }

    private static String readLine(BufferedReader reader)
    {
        try {
            return reader.readLine();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
