package dev.kiln.executors.walk;

import dev.kiln.executors.hook.WalkEvent;
import dev.kiln.executors.hook.WalkEvent.Finished;
import dev.kiln.executors.hook.WalkEvent.Progress;
import dev.kiln.executors.hook.WalkEvent.Started;
import dev.kiln.executors.hook.WalkEvent.StillRunning;
import dev.kiln.executors.hook.WalkHook;
import dev.kiln.executors.walk.Outcome.Skipped;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The timeout only turns a walker bug that would hang into a failure; nothing here measures time. */
@Timeout(120)
class WalkHookTest
{
    /** Tests that expect exact event lists must not see a still-running tick, however slow the machine. */
    private static final WalkOptions WITHOUT_TICKS = WalkOptions.defaults().withStillRunningInterval(Duration.ofDays(1));

    private static final long SAFETY_TIMEOUT_SECONDS = 60;

    @Test
    @DisplayName("every item gets started, its progress and finished exactly once, in that order")
    void everyEventExactlyOnce()
    {
        RandomDag dag = RandomDag.generate(300, 3, 9);
        List<WorkItem<Integer, Void>> items = new ArrayList<>();
        for (int id = 0; id < dag.size(); id++) {
            int self = id;
            items.add(WorkItem.of(id, dag.dependsOn(id), context -> {
                context.progress("step 1 of " + self);
                context.progress("step 2 of " + self);
                if (self % 37 == 0) {
                    throw new IllegalStateException("failed " + self);
                }
                return null;
            }));
        }
        RecordingHook<Integer> recording = new RecordingHook<>();

        WalkResult<Integer, Void> result = Walker.walk(WalkGraph.of(items), WITHOUT_TICKS.withParallelism(8), recording.hook(), new WalkControl());

        for (int id = 0; id < dag.size(); id++) {
            Outcome<Integer, Void> outcome = result.outcome(id);
            List<WalkEvent<Integer>> expected = outcome instanceof Skipped<Integer, Void>
                    ? List.of(new Finished<>(id, outcome))
                    : List.of(new Started<>(id), new Progress<>(id, "step 1 of " + id), new Progress<>(id, "step 2 of " + id), new Finished<>(id, outcome));
            assertEquals(expected, recording.events(id));
        }
        assertEquals(300, recording.events().stream().filter(Finished.class::isInstance).count());
    }

    @Test
    @DisplayName("a hook that throws on every call does not break the walk; the first exception is reported")
    void throwingHook()
    {
        AtomicInteger calls = new AtomicInteger();
        List<RuntimeException> thrown = new ArrayList<>();
        WalkHook<Integer> hook = WalkHook.events(event -> {
            RuntimeException exception = new IllegalStateException("view broke on call " + calls.incrementAndGet());
            synchronized (thrown) {
                thrown.add(exception);
            }
            throw exception;
        });
        RandomDag dag = RandomDag.generate(100, 2, 3);
        List<WorkItem<Integer, Integer>> items = new ArrayList<>();
        for (int id = 0; id < dag.size(); id++) {
            int self = id;
            items.add(WorkItem.of(id, dag.dependsOn(id), context -> {
                context.progress("working");
                return self;
            }));
        }

        WalkResult<Integer, Integer> result = Walker.walk(WalkGraph.of(items), WITHOUT_TICKS, hook, new WalkControl());

        assertTrue(result.allSucceeded());
        assertEquals(300, calls.get());
        assertSame(thrown.getFirst(), result.hookFailure().orElseThrow());
    }

    @Test
    @DisplayName("a quiet walk reports no hook failure")
    void noHookFailure()
    {
        WalkResult<String, String> result = Walker.walk(WalkGraph.of(List.of(WorkItem.of("a", Set.of(), context -> "a"))), WalkOptions.defaults());

        assertFalse(result.hookFailure().isPresent());
    }

    @Test
    @DisplayName("still-running ticks come at whole intervals, between started and finished")
    void stillRunningTicks()
    {
        Map<String, CountDownLatch> ticked = new ConcurrentHashMap<>();
        for (String id : List.of("a", "b", "c")) {
            ticked.put(id, new CountDownLatch(3));
        }
        RecordingHook<String> recording = new RecordingHook<>();
        WalkHook<String> countTicks = new WalkHook<>()
        {
            @Override
            public void stillRunning(String id, Duration elapsed)
            {
                ticked.get(id).countDown();
            }
        };
        List<WorkItem<String, Void>> items = new ArrayList<>();
        for (String id : ticked.keySet()) {
            items.add(WorkItem.of(id, Set.of(), context -> {
                assertTrue(ticked.get(id).await(SAFETY_TIMEOUT_SECONDS, TimeUnit.SECONDS));
                return null;
            }));
        }
        Duration interval = Duration.ofMillis(2);

        WalkResult<String, Void> result = Walker.walk(
                WalkGraph.of(items),
                WalkOptions.defaults().withStillRunningInterval(interval),
                WalkHook.all(List.of(recording.hook(), countTicks)),
                new WalkControl());

        assertTrue(result.allSucceeded(), () -> result.outcomes().toString());
        for (String id : ticked.keySet()) {
            List<WalkEvent<String>> events = recording.events(id);
            assertInstanceOf(Started.class, events.getFirst());
            assertInstanceOf(Finished.class, events.getLast());
            List<Duration> elapsed = events.subList(1, events.size() - 1).stream()
                    .map(event -> assertInstanceOf(StillRunning.class, event).elapsed())
                    .toList();
            assertTrue(elapsed.size() >= 3, id + " ticked " + elapsed.size() + " times");
            for (int tick = 0; tick < elapsed.size(); tick++) {
                assertEquals(0, elapsed.get(tick).toNanos() % interval.toNanos(), "whole intervals");
                assertTrue(tick == 0 || elapsed.get(tick).compareTo(elapsed.get(tick - 1)) > 0, "increasing");
            }
        }
    }

    @Test
    @DisplayName("a composite hook calls every hook even when an earlier one throws, then rethrows the first exception")
    void compositeCallsEveryHook()
    {
        RecordingHook<String> recording = new RecordingHook<>();
        WalkHook<String> broken = WalkHook.events(event -> {
            throw new IllegalStateException("broken view");
        });

        WalkResult<String, String> result = Walker.walk(
                WalkGraph.of(List.of(WorkItem.of("a", Set.of(), context -> "a"))),
                WITHOUT_TICKS,
                WalkHook.all(List.of(broken, recording.hook())),
                new WalkControl());

        assertEquals(2, recording.events("a").size());
        assertEquals("broken view", result.hookFailure().orElseThrow().getMessage());
    }

    @Test
    @DisplayName("progress reported after the action has ended is dropped")
    void lateProgressDropped()
    {
        List<ActionContext> contexts = new ArrayList<>();
        RecordingHook<String> recording = new RecordingHook<>();

        Walker.walk(
                WalkGraph.of(List.of(WorkItem.of("a", Set.of(), context -> {
                    contexts.add(context);
                    return "a";
                }))),
                WITHOUT_TICKS,
                recording.hook(),
                new WalkControl());
        contexts.getFirst().progress("too late");

        assertEquals(2, recording.events("a").size());
    }
}
