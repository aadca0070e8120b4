package dev.kiln.state.backend;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.state.OutputValue;
import dev.kiln.state.ResourceInstance;
import dev.kiln.state.State;
import dev.kiln.state.StateException;
import dev.kiln.state.StateJson;
import dev.kiln.state.TestStates;
import dev.kiln.state.lock.LockAttempt;
import dev.kiln.state.lock.LockHandle;
import dev.kiln.state.lock.LockHeldException;
import dev.kiln.state.lock.LockInfo;
import dev.kiln.state.lock.LockRequest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The behaviour every {@link Backend} must have. A backend's test extends this class and says
 * how to make an empty backend and a second client of the same storage (another process or
 * machine, as far as the backend can tell).
 */
public abstract class BackendContractTest
{
    private static final LockRequest APPLY = new LockRequest("apply", "alice@ci-runner-1", 4242, "0.1.0");
    private static final LockRequest PLAN = new LockRequest("plan", "bob@laptop", 777, "0.1.0");

    /** A backend over empty storage, new for each test. */
    protected abstract Backend newBackend();

    /** Another client of the storage {@code backend} uses. */
    protected abstract Backend sameStorage(Backend backend);

    @Test
    @DisplayName("an empty backend has no state and no history")
    void emptyRead()
    {
        Backend backend = newBackend();
        assertEquals(Optional.empty(), backend.read());
        assertEquals(List.of(), backend.history());
    }

    @Test
    @DisplayName("a written state reads back the same, from this client and from another one")
    void roundTrip()
    {
        Backend backend = newBackend();
        State state = TestStates.full();
        LockHandle lock = backend.lock(APPLY, Duration.ZERO);
        WriteResult written = backend.write(state, lock);
        backend.unlock(lock);

        assertTrue(written.changed());
        assertEquals(state.withSerial(7), written.state());
        assertEquals(written.state(), backend.read().orElseThrow().state());
        assertEquals(written.state(), sameStorage(backend).read().orElseThrow().state());
    }

    @Test
    @DisplayName("the first write of a new state stores serial 1")
    void firstSerial()
    {
        Backend backend = newBackend();
        State state = State.create("0.1.0");
        assertEquals(1, write(backend, state).state().serial());
        assertEquals(state.lineage(), backend.read().orElseThrow().state().lineage());
    }

    @Test
    @DisplayName("the serial grows when the content changes and stays when identical content is written again")
    void serialRules()
    {
        Backend backend = newBackend();
        State first = write(backend, State.create("0.1.0")).state();

        WriteResult again = write(backend, first);
        assertFalse(again.changed());
        assertEquals(1, again.state().serial());

        WriteResult changed = write(backend, withNode(first, "m1"));
        assertTrue(changed.changed());
        assertEquals(2, changed.state().serial());
        assertEquals(2, backend.read().orElseThrow().state().serial());
        assertEquals(2, backend.history().size());
    }

    @Test
    @DisplayName("a state of another lineage is never written over the stored one")
    void lineageMismatch()
    {
        Backend backend = newBackend();
        State stored = write(backend, withNode(State.create("0.1.0"), "m1")).state();
        State stranger = withNode(State.create("0.1.0"), "m2").withSerial(5);

        StateException error = assertThrows(StateException.class, () -> write(backend, stranger));
        assertEquals("State lineage mismatch", error.diagnostic().summary());
        assertTrue(error.diagnostic().detail().contains(stored.lineage().toString()), error.diagnostic().detail());
        assertEquals(stored, backend.read().orElseThrow().state());
    }

    @Test
    @DisplayName("a state with a lower serial than the stored one is refused as stale")
    void staleSerial()
    {
        Backend backend = newBackend();
        State read = write(backend, State.create("0.1.0")).state();
        State newer = write(backend, withNode(read, "m1")).state();

        StateException error = assertThrows(StateException.class, () -> write(backend, withNode(read, "m2")));
        assertEquals("Stale state", error.diagnostic().summary());
        assertEquals(newer, backend.read().orElseThrow().state());
    }

    @Test
    @DisplayName("writing needs the current lock: a released lock's handle is refused")
    void writeNeedsLock()
    {
        Backend backend = newBackend();
        LockHandle lock = backend.lock(APPLY, Duration.ZERO);
        backend.unlock(lock);
        assertThrows(StateException.class, () -> backend.write(State.create("0.1.0"), lock));
        assertEquals(Optional.empty(), backend.read());
    }

    @Test
    @DisplayName("while one client holds the lock, another's attempt fails and names the holder")
    void lockExclusion()
    {
        Backend first = newBackend();
        Backend second = sameStorage(first);
        LockHandle held = first.lock(APPLY, Duration.ZERO);

        LockAttempt attempt = second.tryLock(PLAN);
        LockInfo holder = assertInstanceOf(LockAttempt.Held.class, attempt).holder().orElseThrow();
        assertEquals(held.info(), holder);
        assertEquals("apply", holder.operation());
        assertEquals("alice@ci-runner-1", holder.who());
        assertEquals(4242, holder.pid());

        LockHeldException error = assertThrows(LockHeldException.class, () -> second.lock(PLAN, Duration.ZERO));
        assertEquals("Error acquiring the state lock", error.diagnostic().summary());
        String detail = error.diagnostic().detail();
        for (String expected : List.of("Lock Info:", held.id().toString(), "apply", "alice@ci-runner-1", "4242", holder.created().toString())) {
            assertTrue(detail.contains(expected), expected + " missing from: " + detail);
        }
        assertEquals(1, error.attempts());
        assertInstanceOf(LockAttempt.Held.class, first.tryLock(PLAN), "the holder itself cannot lock twice either");
    }

    @Test
    @DisplayName("a lock timeout retries until it runs out, then reports the holder")
    void lockTimeout()
    {
        Backend first = newBackend();
        Backend second = sameStorage(first);
        LockHandle held = first.lock(APPLY, Duration.ZERO);

        long start = System.nanoTime();
        LockHeldException error = assertThrows(LockHeldException.class, () -> second.lock(PLAN, Duration.ofMillis(400)));
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertTrue(elapsedMillis >= 400, "gave up after " + elapsedMillis + " ms");
        assertTrue(error.attempts() >= 3, "attempts: " + error.attempts());
        assertEquals(held.id(), error.holder().orElseThrow().id());
        assertTrue(error.diagnostic().detail().contains("gave up after waiting"), error.diagnostic().detail());
    }

    @Test
    @DisplayName("a lock timeout acquires the lock as soon as the holder releases it")
    void lockWaits()
            throws Exception
    {
        Backend first = newBackend();
        Backend second = sameStorage(first);
        LockHandle held = first.lock(APPLY, Duration.ZERO);
        CompletableFuture<Void> release = CompletableFuture.runAsync(() -> {
            sleep(300);
            first.unlock(held);
        });

        LockHandle acquired = second.lock(PLAN, Duration.ofSeconds(20));
        release.get();
        assertEquals("plan", acquired.info().operation());
        assertInstanceOf(LockAttempt.Held.class, first.tryLock(APPLY));
        second.unlock(acquired);
    }

    @Test
    @DisplayName("only the holder can unlock: another lock id is refused and the lock stays")
    void unlockByNonHolder()
    {
        Backend first = newBackend();
        Backend second = sameStorage(first);
        LockHandle held = first.lock(APPLY, Duration.ZERO);
        LockHandle forged = new LockHandle(new LockInfo(UUID.randomUUID(), "plan", "bob@laptop", 777, "0.1.0", Instant.parse("2026-01-01T00:00:00Z")));

        assertThrows(StateException.class, () -> second.unlock(forged));
        assertThrows(StateException.class, () -> first.unlock(forged));
        assertInstanceOf(LockAttempt.Held.class, second.tryLock(PLAN));
        first.unlock(held);
        assertThrows(StateException.class, () -> first.unlock(held), "unlocking twice");
    }

    @Test
    @DisplayName("force-unlock by id frees a lock another client holds; its handle no longer writes")
    void forceUnlock()
    {
        Backend first = newBackend();
        Backend second = sameStorage(first);
        LockHandle held = first.lock(APPLY, Duration.ZERO);

        assertThrows(StateException.class, () -> second.forceUnlock(UUID.randomUUID().toString()), "a wrong id");
        second.forceUnlock(held.id().toString());

        LockHandle taken = second.lock(PLAN, Duration.ZERO);
        assertThrows(StateException.class, () -> first.write(State.create("0.1.0"), held));
        second.unlock(taken);
    }

    @Test
    @DisplayName("every changing write adds a version to the history, newest first, and each reads back")
    void historyGrows()
    {
        Backend backend = newBackend();
        State state = write(backend, State.create("0.1.0")).state();
        state = write(backend, withNode(state, "m1")).state();
        state = write(backend, withNode(state, "m2")).state();
        write(backend, state);

        List<HistoryEntry> history = backend.history();
        assertEquals(List.of(3L, 2L, 1L), history.stream().map(HistoryEntry::serial).toList());
        assertEquals(state, backend.readHistory(history.get(0).id()).orElseThrow().state());
        State oldest = backend.readHistory(history.get(2).id()).orElseThrow().state();
        assertEquals(1, oldest.serial());
        assertTrue(oldest.resources().isEmpty());
        assertEquals(Optional.empty(), backend.readHistory("no-such-version"));
    }

    private static WriteResult write(Backend backend, State state)
    {
        LockHandle lock = backend.lock(APPLY, Duration.ZERO);
        try {
            return backend.write(state, lock);
        }
        finally {
            backend.unlock(lock);
        }
    }

    private static State withNode(State state, String name)
    {
        ObjectNode attributes = StateJson.object().put("address", "10.0.0." + name.length());
        return state.withResource(ResourceInstance.created(ResourceAddress.of("node", name), "sim", attributes, TestStates.CREATED))
                .toBuilder()
                .putOutput(name, new OutputValue(attributes.get("address"), false))
                .build();
    }

    private static void sleep(long millis)
    {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
