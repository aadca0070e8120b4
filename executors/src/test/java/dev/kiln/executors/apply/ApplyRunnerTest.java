package dev.kiln.executors.apply;

import dev.kiln.executors.hook.WalkEvent;
import dev.kiln.executors.hook.WalkHook;
import dev.kiln.executors.walk.Outcome;
import dev.kiln.executors.walk.WalkControl;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.addr.ResourceAddressParser;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;
import dev.kiln.planner.diff.PlanResult;
import dev.kiln.planner.plan.PlanMode;
import dev.kiln.state.State;
import dev.kiln.state.journal.Journal;
import dev.kiln.state.journal.JournalContents;
import dev.kiln.state.journal.JournalRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApplyRunnerTest
{
    private static final String CONFIG = """
            node "w" {
              count   = 3
              address = "10.0.0.${10 + count.index}"
            }

            node "zone" {
              for_each = { a = "10.0.1.1", b = "10.0.1.2" }
              address  = each.value
              labels   = { peer = node.w[0].address }
            }
            """;

    @TempDir
    Path directory;

    private final RecordingDriver driver = new RecordingDriver();

    @Test
    @DisplayName("Every change runs after what it references, each action is journaled before and after, and the next plan has no changes")
    void appliesInOrder()
            throws IOException
    {
        Scenario scenario = Scenario.write(directory, CONFIG);
        State empty = State.create("0.1.0");
        try (Journal journal = openJournal()) {
            ApplyResult result = apply(scenario.plan(empty, PlanMode.NORMAL), empty, ActionLog.journal(journal), ApplyOptions.defaults(), new WalkControl());
            assertTrue(result.succeeded(), result.diagnostics().toString());
            assertEquals(new ApplyResult.ApplyCounts(5, 0, 0), result.counts());
            assertTrue(driver.calls.indexOf(address("node.w[0]")) < driver.calls.indexOf(address("node.zone[\"a\"]")));
            assertTrue(driver.calls.indexOf(address("node.w[0]")) < driver.calls.indexOf(address("node.zone[\"b\"]")));
            JournalContents contents = journal.contents();
            assertEquals(10, contents.records().size());
            assertEquals(5, contents.records().stream().filter(JournalRecord.Intent.class::isInstance).count());
            State applied = result.folded().state();
            assertEquals(5, applied.resources().size());
            assertEquals(List.of(address("node.w[0]")), applied.resource(address("node.zone[\"a\"]")).orElseThrow().dependencies());
            assertFalse(scenario.plan(applied, PlanMode.NORMAL).plan().orElseThrow().hasChanges());
        }
    }

    @Test
    @DisplayName("A failure names the address and the step; what depends on it never starts, independent branches go on")
    void failureSkipsDependents()
            throws IOException
    {
        Scenario scenario = Scenario.write(directory, CONFIG);
        State empty = State.create("0.1.0");
        driver.failing.add(address("node.w[0]"));
        try (Journal journal = openJournal()) {
            ApplyResult result = apply(scenario.plan(empty, PlanMode.NORMAL), empty, ActionLog.journal(journal), ApplyOptions.defaults(), new WalkControl());
            assertFalse(result.succeeded());
            assertEquals(new ApplyResult.ApplyCounts(2, 0, 0), result.counts());
            List<Diagnostic> errors = result.diagnostics().stream().filter(Diagnostic::isError).toList();
            assertEquals(1, errors.size(), errors.toString());
            assertEquals("node.w[0]: Creation failed during \"joining the cluster\": the simulated host refused", errors.getFirst().detail());
            assertInstanceOf(Outcome.Skipped.class, result.outcomes().get(address("node.zone[\"a\"]")));
            assertFalse(driver.calls.contains(address("node.zone[\"b\"]")));
            assertEquals(List.of(address("node.w[1]"), address("node.w[2]")), List.copyOf(result.folded().state().resources().keySet()));
            assertTrue(result.folded().reconciling().isEmpty());
        }
    }

    @Test
    @DisplayName("With -fail-fast nothing new starts after the first failure, and what never started is not counted")
    void failFast()
            throws IOException
    {
        Scenario scenario = Scenario.write(directory, CONFIG);
        State empty = State.create("0.1.0");
        driver.failing.add(address("node.w[0]"));
        PlanResult planned = scenario.plan(empty, PlanMode.NORMAL);
        ApplyJob job = new ApplyJob(planned.plan().orElseThrow(), planned.graph().orElseThrow(), empty, (provider, type) -> Optional.of(driver),
                ActionLog.inMemory("run"), ApplyOptions.defaults().withParallelism(1).withFailFast(true));
        ApplyResult result = ApplyRunner.apply(job, WalkHook.none(), new WalkControl());
        assertEquals(List.of(address("node.w[0]")), driver.calls);
        assertInstanceOf(Outcome.NotStarted.class, result.outcomes().get(address("node.w[1]")));
        assertEquals(new ApplyResult.ApplyCounts(0, 0, 0), result.counts());
        assertTrue(result.folded().state().resources().isEmpty());
    }

    @Test
    @DisplayName("A destroy deletes what references an instance before the instance itself")
    void destroysInReverseOrder()
            throws IOException
    {
        Scenario scenario = Scenario.write(directory, CONFIG);
        State empty = State.create("0.1.0");
        State applied = apply(scenario.plan(empty, PlanMode.NORMAL), empty, ActionLog.inMemory("create"), ApplyOptions.defaults(), new WalkControl()).folded().state();
        driver.calls.clear();
        ApplyResult destroyed = apply(scenario.plan(applied, PlanMode.DESTROY), applied, ActionLog.inMemory("destroy"), ApplyOptions.defaults(), new WalkControl());
        assertTrue(destroyed.succeeded(), destroyed.diagnostics().toString());
        assertEquals(new ApplyResult.ApplyCounts(0, 0, 5), destroyed.counts());
        assertTrue(driver.calls.indexOf(address("node.zone[\"a\"]")) < driver.calls.indexOf(address("node.w[0]")));
        assertTrue(driver.calls.indexOf(address("node.zone[\"b\"]")) < driver.calls.indexOf(address("node.w[0]")));
        assertTrue(destroyed.folded().state().resources().isEmpty());
    }

    @Test
    @DisplayName("Never more actions run at once than the parallelism allows")
    void boundsParallelism()
            throws IOException
    {
        Scenario scenario = Scenario.write(directory, """
                node "n" {
                  count   = 12
                  address = "10.0.0.${10 + count.index}"
                }
                """);
        State empty = State.create("0.1.0");
        driver.sleepMillis = 30;
        ApplyResult result = apply(scenario.plan(empty, PlanMode.NORMAL), empty, ActionLog.inMemory("run"), ApplyOptions.defaults().withParallelism(3), new WalkControl());
        assertTrue(result.succeeded());
        assertEquals(3, driver.mostRunning.get());
    }

    @Test
    @DisplayName("An action cancelled midway keeps its intent open, so its instance is marked for reconciliation; progress reaches the hooks")
    void cancelledActionIsReconciled()
            throws Exception
    {
        Scenario scenario = Scenario.write(directory, CONFIG);
        State empty = State.create("0.1.0");
        driver.blocking.add(address("node.w[1]"));
        WalkControl control = new WalkControl();
        List<WalkEvent<ResourceAddress>> events = new CopyOnWriteArrayList<>();
        Thread.ofVirtual().start(() -> {
            try {
                if (driver.blocked.await(10, TimeUnit.SECONDS)) {
                    control.stop();
                    control.cancel();
                }
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try (Journal journal = openJournal()) {
            PlanResult planned = scenario.plan(empty, PlanMode.NORMAL);
            ApplyJob job = new ApplyJob(planned.plan().orElseThrow(), planned.graph().orElseThrow(), empty, (provider, type) -> Optional.of(driver),
                    ActionLog.journal(journal), ApplyOptions.defaults().withParallelism(1));
            ApplyResult result = ApplyRunner.apply(job, WalkHook.events(events::add), control);
            assertInstanceOf(Outcome.Cancelled.class, result.outcomes().get(address("node.w[1]")));
            assertEquals(List.of(address("node.w[1]")), result.folded().reconciling());
            assertTrue(result.folded().state().resource(address("node.w[1]")).orElseThrow().needsReconciliation());
            assertTrue(events.stream().anyMatch(event -> event instanceof WalkEvent.Progress<ResourceAddress> progress && progress.message().equals("checking w")));
        }
    }

    private ApplyResult apply(PlanResult planned, State prior, ActionLog log, ApplyOptions options, WalkControl control)
            throws IOException
    {
        ApplyJob job = new ApplyJob(planned.plan().orElseThrow(), planned.graph().orElseThrow(), prior, (provider, type) -> Optional.of(driver), log,
                options.withFailFast(false));
        return ApplyRunner.apply(job, WalkHook.none(), control);
    }

    private Journal openJournal()
            throws IOException
    {
        return Journal.open(directory.resolve("journal"), "run-1", Clock.systemUTC());
    }

    private static ResourceAddress address(String text)
    {
        return ResourceAddressParser.parse(text, "test", new Diagnostics()).orElseThrow(() -> new IllegalArgumentException(text));
    }
}
