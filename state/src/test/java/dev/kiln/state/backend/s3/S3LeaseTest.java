package dev.kiln.state.backend.s3;

import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Severity;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.kiln.state.OutputValue;
import dev.kiln.state.State;
import dev.kiln.state.StateException;
import dev.kiln.state.lock.LockAttempt;
import dev.kiln.state.lock.LockHandle;
import dev.kiln.state.lock.LockRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("S3 backend: the lock is a lease, renewed by its holder and taken over when it runs out")
final class S3LeaseTest
{
    private static final Duration LEASE = Duration.ofSeconds(3);
    private static final LockRequest APPLY = new LockRequest("apply", "alice@ci-runner-1", 4242, "0.1.0");
    private static final LockRequest PLAN = new LockRequest("plan", "bob@laptop", 777, "0.1.0");
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
    @DisplayName("a holder that keeps running keeps its lock past the lease length: its renewals keep the lease alive")
    void renewalKeepsTheLock()
            throws InterruptedException
    {
        S3BackendOptions options = options();
        try (S3Backend holder = new S3Backend(options); S3Backend other = new S3Backend(options)) {
            LockHandle held = holder.lock(APPLY, Duration.ZERO);
            Thread.sleep(LEASE.plusSeconds(2));
            assertInstanceOf(LockAttempt.Held.class, other.tryLock(PLAN));
            assertTrue(holder.write(State.create("0.1.0"), held).changed(), "the holder still writes");
            holder.unlock(held);
            other.unlock(other.lock(PLAN, Duration.ZERO));
        }
    }

    @Test
    @DisplayName("a holder that died is taken over once its lease ran out, with a warning naming the old holder; the old handle no longer writes")
    void expiredLeaseTakenOver()
    {
        S3BackendOptions options = options();
        List<Diagnostic> notices = new CopyOnWriteArrayList<>();
        try (S3Backend dead = new S3Backend(options); S3Backend next = new S3Backend(options, notices::add)) {
            LockHandle stranded = dead.lock(APPLY, Duration.ZERO);
            dead.close();
            assertInstanceOf(LockAttempt.Held.class, next.tryLock(PLAN), "the lease has not run out yet");
            assertTrue(notices.isEmpty());

            long start = System.nanoTime();
            LockHandle taken = next.lock(PLAN, Duration.ofSeconds(15));
            Duration waited = Duration.ofNanos(System.nanoTime() - start);

            assertTrue(waited.compareTo(LEASE.minusMillis(500)) >= 0, "taken over after " + waited);
            assertEquals(1, notices.size());
            Diagnostic notice = notices.getFirst();
            assertEquals(Severity.WARNING, notice.severity());
            assertEquals("Took over an expired state lock", notice.summary());
            for (String expected : List.of(stranded.id().toString(), "alice@ci-runner-1", "4242", "apply")) {
                assertTrue(notice.detail().contains(expected), expected + " missing from: " + notice.detail());
            }
            StateException refused = assertThrows(StateException.class, () -> dead.write(State.create("0.1.0"), stranded));
            assertEquals("State not locked", refused.diagnostic().summary());
            next.unlock(taken);
        }
    }

    @Test
    @DisplayName("a write over a state another client wrote since this one read it is refused: state changed under you")
    void changedUnderYou()
    {
        S3BackendOptions options = options();
        try (S3Backend slow = new S3Backend(options); S3Backend fast = new S3Backend(options)) {
            LockHandle first = slow.lock(APPLY, Duration.ZERO);
            State read = slow.write(State.create("0.1.0"), first).state();
            slow.unlock(first);

            LockHandle second = fast.lock(PLAN, Duration.ZERO);
            State written = fast.write(withOutput(read, "fast"), second).state();
            fast.unlock(second);

            LockHandle again = slow.lock(APPLY, Duration.ZERO);
            StateException refused = assertThrows(StateException.class, () -> slow.write(withOutput(read, "slow"), again));
            assertEquals("State changed under you", refused.diagnostic().summary());
            assertEquals(written, slow.read().orElseThrow().state());
            slow.unlock(again);
        }
    }

    static State withOutput(State state, String value)
    {
        return state.toBuilder().putOutput("writer", new OutputValue(TextNode.valueOf(value), false)).build();
    }

    private static S3BackendOptions options()
    {
        return S3Backends.options(server, "kiln", "lease/" + STATES.incrementAndGet() + "/kiln.state.json").withLease(LEASE);
    }
}
