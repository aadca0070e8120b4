package dev.kiln.state.journal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.state.AttributePath;
import dev.kiln.state.InstanceStatus;
import dev.kiln.state.ResourceInstance;
import dev.kiln.state.State;
import dev.kiln.state.StateJson;
import dev.kiln.state.backend.LocalBackend;
import dev.kiln.state.backend.LocalBackendOptions;
import dev.kiln.state.lock.LockHandle;
import dev.kiln.state.lock.LockRequest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

final class JournalFoldTest
{
    private static final String RUN = "run-1";
    private static final Instant EARLIER = Instant.parse("2026-11-20T08:00:00Z");
    private static final Instant INTENT_TIME = Instant.parse("2026-11-21T12:00:00Z");
    private static final Instant RESULT_TIME = Instant.parse("2026-11-21T12:00:09Z");
    private static final ResourceAddress CLUSTER = ResourceAddress.of("cluster", "prod");
    private static final ResourceAddress NODE = ResourceAddress.of("node", "m1");

    @TempDir
    Path directory;

    @Test
    @DisplayName("a successful create records the instance with its provider, dependencies, sensitive paths and the result's time")
    void create()
    {
        JournalRecord.Intent intent = intent(1, CLUSTER, JournalAction.CREATE);
        FoldResult folded = JournalFold.fold(State.create("0.1.0"), List.of(intent, success(1, attributes("1.29.4"))));

        ResourceInstance cluster = folded.state().resource(CLUSTER).orElseThrow();
        assertEquals("capi.east", cluster.provider());
        assertEquals(List.of(NODE), cluster.dependencies());
        assertEquals(List.of(AttributePath.attribute("token")), cluster.sensitivePaths());
        assertEquals("1.29.4", cluster.attributes().get("version").textValue());
        assertEquals(RESULT_TIME, cluster.created());
        assertEquals(RESULT_TIME, cluster.updated());
        assertEquals(InstanceStatus.READY, cluster.status());
        assertEquals(List.of(), folded.reconciling());
    }

    @Test
    @DisplayName("a successful update keeps the creation time and clears a reconciliation flag; a successful delete removes the instance")
    void updateAndDelete()
    {
        State prior = State.create("0.1.0")
                .withResource(ResourceInstance.created(CLUSTER, "capi.east", attributes("1.28.0"), EARLIER).withNeedsReconciliation(true))
                .withResource(ResourceInstance.created(NODE, "sim", StateJson.object(), EARLIER));
        FoldResult folded = JournalFold.fold(prior, List.of(
                intent(1, CLUSTER, JournalAction.UPDATE),
                intent(2, NODE, JournalAction.DELETE),
                new JournalRecord.Result(RUN, 2, RESULT_TIME, Optional.empty(), List.of(), Optional.empty()),
                success(1, attributes("1.29.4"))));

        ResourceInstance cluster = folded.state().resource(CLUSTER).orElseThrow();
        assertEquals("1.29.4", cluster.attributes().get("version").textValue());
        assertEquals(EARLIER, cluster.created());
        assertEquals(RESULT_TIME, cluster.updated());
        assertFalse(cluster.needsReconciliation());
        assertEquals(Optional.empty(), folded.state().resource(NODE));
    }

    @Test
    @DisplayName("an intent without a result flags its instance, or records a placeholder from the planned attributes, so it is never forgotten")
    void intentsWithoutResults()
    {
        State prior = State.create("0.1.0").withResource(ResourceInstance.created(NODE, "sim", StateJson.object().put("address", "10.0.0.10"), EARLIER));
        FoldResult folded = JournalFold.fold(prior, List.of(intent(2, NODE, JournalAction.DELETE), intent(1, CLUSTER, JournalAction.CREATE)));

        assertEquals(List.of(CLUSTER, NODE), folded.reconciling());
        ResourceInstance node = folded.state().resource(NODE).orElseThrow();
        assertTrue(node.needsReconciliation());
        assertEquals("10.0.0.10", node.attributes().get("address").textValue());
        ResourceInstance placeholder = folded.state().resource(CLUSTER).orElseThrow();
        assertTrue(placeholder.needsReconciliation());
        assertEquals("1.29.4", placeholder.attributes().get("version").textValue());
        assertEquals("capi.east", placeholder.provider());
        assertEquals(INTENT_TIME, placeholder.created());
    }

    @Test
    @DisplayName("a failed create that left a partial object records it tainted; one that left nothing records nothing")
    void failures()
    {
        ResourceAddress other = ResourceAddress.of("cluster", "staging");
        FoldResult folded = JournalFold.fold(State.create("0.1.0"), List.of(
                intent(1, CLUSTER, JournalAction.CREATE),
                intent(2, other, JournalAction.CREATE),
                new JournalRecord.Result(RUN, 1, RESULT_TIME, Optional.of(attributes("1.29.4")), List.of(), Optional.of("kubeadm init failed")),
                new JournalRecord.Result(RUN, 2, RESULT_TIME, Optional.empty(), List.of(), Optional.of("no capacity"))));

        assertEquals(InstanceStatus.TAINTED, folded.state().resource(CLUSTER).orElseThrow().status());
        assertEquals(Optional.empty(), folded.state().resource(other));
        assertEquals(List.of(), folded.reconciling());
    }

    @Test
    @DisplayName("a result whose intent is missing is ignored with a warning")
    void orphanResult()
    {
        FoldResult folded = JournalFold.fold(State.create("0.1.0"), List.of(success(9, attributes("1.29.4"))));
        assertTrue(folded.state().resources().isEmpty());
        assertEquals("Journal result without intent", folded.warnings().get(0).summary());
    }

    @Test
    @DisplayName("after a crash the next command folds the leftover journal, writes the state once, and clears the journal")
    void recoveryCycle()
            throws Exception
    {
        Path journalFile = directory.resolve(".kiln").resolve(Journal.FILE_NAME);
        try (Journal crashed = Journal.open(journalFile, RUN, JournalTest.CLOCK)) {
            JournalRecord.Intent done = crashed.intent(NODE, JournalAction.CREATE, "sim", List.of(), StateJson.object());
            crashed.succeeded(done, Optional.of(StateJson.object().put("id", "m-1")), List.of());
            crashed.intent(CLUSTER, JournalAction.CREATE, "capi.east", List.of(NODE), attributes("1.29.4"));
        }

        LocalBackend backend = new LocalBackend(LocalBackendOptions.inDirectory(directory));
        LockHandle lock = backend.lock(LockRequest.forThisProcess("apply", "0.1.0"), Duration.ZERO);
        try (Journal next = Journal.open(journalFile, "run-2", JournalTest.CLOCK)) {
            FoldResult folded = next.recoverLeftover(backend, lock, () -> State.create("0.1.0")).orElseThrow();
            assertEquals(List.of(CLUSTER), folded.reconciling());
            assertEquals(1, folded.state().serial());
            assertEquals(Optional.empty(), next.leftover());
            assertEquals(Optional.empty(), next.recoverLeftover(backend, lock, () -> State.create("0.1.0")));
        }
        backend.unlock(lock);

        State recovered = backend.read().orElseThrow().state();
        assertEquals(1, recovered.serial());
        assertFalse(recovered.resource(NODE).orElseThrow().needsReconciliation());
        assertTrue(recovered.resource(CLUSTER).orElseThrow().needsReconciliation());
        try (Journal after = Journal.open(journalFile, "run-3", JournalTest.CLOCK)) {
            assertEquals(Optional.empty(), after.leftover());
        }
    }

    @Test
    @DisplayName("at the end of a run, commit folds the run's records into the state, writes it and empties the journal")
    void commit()
            throws Exception
    {
        Path journalFile = directory.resolve(".kiln").resolve(Journal.FILE_NAME);
        LocalBackend backend = new LocalBackend(LocalBackendOptions.inDirectory(directory));
        LockHandle lock = backend.lock(LockRequest.forThisProcess("apply", "0.1.0"), Duration.ZERO);
        State initial = backend.write(State.create("0.1.0"), lock).state();
        try (Journal journal = Journal.open(journalFile, RUN, JournalTest.CLOCK)) {
            JournalRecord.Intent create = journal.intent(NODE, JournalAction.CREATE, "sim", List.of(), StateJson.object());
            journal.succeeded(create, Optional.of(StateJson.object().put("id", "m-1")), List.of());

            FoldResult committed = journal.commit(initial, backend, lock);

            assertEquals(2, committed.state().serial());
            assertEquals(committed.state(), backend.read().orElseThrow().state());
            assertEquals("m-1", committed.state().resource(NODE).orElseThrow().attributes().get("id").textValue());
            assertTrue(journal.contents().isEmpty());
        }
        backend.unlock(lock);
    }

    private static JournalRecord.Intent intent(long sequence, ResourceAddress address, JournalAction action)
    {
        String provider = address.type().equals("cluster") ? "capi.east" : "sim";
        List<ResourceAddress> dependencies = address.type().equals("cluster") ? List.of(NODE) : List.of();
        return new JournalRecord.Intent(RUN, sequence, INTENT_TIME, address, action, provider, dependencies, attributes("1.29.4"));
    }

    private static JournalRecord.Result success(long sequence, JsonNode attributes)
    {
        return new JournalRecord.Result(RUN, sequence, RESULT_TIME, Optional.of(attributes), List.of(AttributePath.attribute("token")), Optional.empty());
    }

    private static JsonNode attributes(String version)
    {
        return StateJson.object().put("version", version).put("token", "t0k3n");
    }
}
