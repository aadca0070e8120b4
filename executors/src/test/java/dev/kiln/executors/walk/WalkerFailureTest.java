package dev.kiln.executors.walk;

import dev.kiln.executors.hook.WalkEvent.Finished;
import dev.kiln.executors.hook.WalkEvent.Started;
import dev.kiln.executors.hook.WalkHook;
import dev.kiln.executors.walk.Outcome.Failed;
import dev.kiln.executors.walk.Outcome.NotStarted;
import dev.kiln.executors.walk.Outcome.Skipped;
import dev.kiln.executors.walk.Outcome.Succeeded;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The timeout only turns a walker bug that would hang into a failure; nothing here measures time. */
@Timeout(120)
class WalkerFailureTest
{
    /** Tests that expect exact event lists must not see a still-running tick, however slow the machine. */
    private static final WalkOptions WITHOUT_TICKS = WalkOptions.defaults().withStillRunningInterval(Duration.ofDays(1));

    private static final RuntimeException BOOM = new IllegalStateException("boom");

    private static Action<String> succeed(String value)
    {
        return context -> value;
    }

    private static Action<String> fail()
    {
        return context -> {
            throw BOOM;
        };
    }

    @Test
    @DisplayName("a failure skips exactly its transitive dependents, naming the first failed ancestor; independent branches go on")
    void failureSkipsDependents()
    {
        List<WorkItem<String, String>> items = List.of(
                WorkItem.of("a", Set.of(), fail()),
                WorkItem.of("b", Set.of("a"), succeed("b")),
                WorkItem.of("c", Set.of("b"), succeed("c")),
                WorkItem.of("d", Set.of("a", "e"), succeed("d")),
                WorkItem.of("e", Set.of(), succeed("e")),
                WorkItem.of("f", Set.of("e"), succeed("f")),
                WorkItem.of("g", Set.of(), fail()),
                WorkItem.of("h", Set.of("g", "c"), succeed("h")),
                WorkItem.of("i", Set.of("g"), succeed("i")));
        RecordingHook<String> recording = new RecordingHook<>();

        WalkResult<String, String> result = Walker.walk(WalkGraph.of(items), WITHOUT_TICKS, recording.hook(), new WalkControl());

        assertSame(BOOM, assertInstanceOf(Failed.class, result.outcome("a")).exception());
        assertInstanceOf(Failed.class, result.outcome("g"));
        assertEquals("e", assertInstanceOf(Succeeded.class, result.outcome("e")).value());
        assertEquals("f", assertInstanceOf(Succeeded.class, result.outcome("f")).value());
        Map<String, String> becauseOf = Map.of("b", "a", "c", "a", "d", "a", "h", "a", "i", "g");
        becauseOf.forEach((skipped, failed) -> {
            assertEquals(new Skipped<>(failed), result.outcome(skipped), skipped);
            assertEquals(List.of(new Finished<>(skipped, new Skipped<>(failed))), recording.events(skipped), skipped);
        });
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 4, 16})
    @DisplayName("over a random graph, outcomes follow from the failures alone, each reported once")
    void randomFailures(int parallelism)
    {
        RandomDag dag = RandomDag.generate(300, 3, 42);
        Random random = new Random(42);
        Set<Integer> failing = new TreeSet<>();
        while (failing.size() < 12) {
            failing.add(random.nextInt(dag.size()));
        }
        List<WorkItem<Integer, String>> items = new ArrayList<>();
        for (int id = 0; id < dag.size(); id++) {
            Action<String> action = failing.contains(id) ? context -> {
                throw BOOM;
            } : context -> "ok";
            items.add(WorkItem.of(id, dag.dependsOn(id), action));
        }
        RecordingHook<Integer> recording = new RecordingHook<>();

        WalkResult<Integer, String> result = Walker.walk(WalkGraph.of(items), WITHOUT_TICKS.withParallelism(parallelism), recording.hook(), new WalkControl());

        Map<Integer, String> expected = new LinkedHashMap<>();
        Map<Integer, String> actual = new LinkedHashMap<>();
        for (int id = 0; id < dag.size(); id++) {
            expected.put(id, expectedOutcome(dag, failing, id));
            actual.put(id, describe(result.outcome(id)));
            List<Class<?>> eventTypes = recording.events(id).stream().<Class<?>>map(Object::getClass).toList();
            assertEquals(
                    result.outcome(id) instanceof Skipped<Integer, String> ? List.of(Finished.class) : List.of(Started.class, Finished.class),
                    eventTypes,
                    "events of item " + id);
        }
        assertEquals(expected, actual);
    }

    @Test
    @DisplayName("fail-fast starts nothing after the first failure: dependents are skipped, the rest not started")
    void failFast()
    {
        List<WorkItem<String, String>> items = List.of(
                WorkItem.of("a", Set.of(), fail()),
                WorkItem.of("b", Set.of(), succeed("b")),
                WorkItem.of("c", Set.of(), succeed("c")),
                WorkItem.of("d", Set.of("a"), succeed("d")));

        WalkResult<String, String> result = Walker.walk(WalkGraph.of(items), WalkOptions.defaults().withParallelism(1).withFailFast(true));

        assertInstanceOf(Failed.class, result.outcome("a"));
        assertEquals(new NotStarted<>(), result.outcome("b"));
        assertEquals(new NotStarted<>(), result.outcome("c"));
        assertEquals(new Skipped<>("a"), result.outcome("d"));
    }

    @Test
    @DisplayName("fail-fast lets actions already running finish")
    void failFastLetsRunningFinish()
    {
        CountDownLatch secondStarted = new CountDownLatch(1);
        CountDownLatch firstReported = new CountDownLatch(1);
        List<WorkItem<String, String>> items = List.of(
                WorkItem.of("a", Set.of(), context -> {
                    secondStarted.await();
                    throw BOOM;
                }),
                WorkItem.of("b", Set.of(), context -> {
                    secondStarted.countDown();
                    firstReported.await();
                    return "b";
                }),
                WorkItem.of("c", Set.of(), succeed("c")));
        WalkHook<String> hook = new WalkHook<>()
        {
            @Override
            public void finished(String id, Outcome<String, ?> outcome)
            {
                if (id.equals("a")) {
                    firstReported.countDown();
                }
            }
        };

        WalkResult<String, String> result = Walker.walk(WalkGraph.of(items), WalkOptions.defaults().withParallelism(2).withFailFast(true), hook, new WalkControl());

        assertInstanceOf(Failed.class, result.outcome("a"));
        assertEquals("b", assertInstanceOf(Succeeded.class, result.outcome("b")).value());
        assertEquals(new NotStarted<>(), result.outcome("c"));
    }

    @Test
    @DisplayName("an Error thrown by an action is a failure, not a hung walk")
    void errorIsFailure()
    {
        AssertionError error = new AssertionError("broken driver");
        List<WorkItem<String, String>> items = List.of(WorkItem.of("a", Set.of(), context -> {
            throw error;
        }));

        WalkResult<String, String> result = Walker.walk(WalkGraph.of(items), WalkOptions.defaults());

        assertSame(error, assertInstanceOf(Failed.class, result.outcome("a")).exception());
    }

    private static String expectedOutcome(RandomDag dag, Set<Integer> failing, int id)
    {
        Optional<Integer> firstFailedAncestor = dag.ancestors(id).stream()
                .filter(ancestor -> failing.contains(ancestor) && dag.ancestors(ancestor).stream().noneMatch(failing::contains))
                .findFirst();
        if (firstFailedAncestor.isPresent()) {
            return "skipped because of " + firstFailedAncestor.get();
        }
        return failing.contains(id) ? "failed" : "succeeded";
    }

    private static String describe(Outcome<Integer, String> outcome)
    {
        return switch (outcome) {
            case Succeeded<Integer, String> succeeded -> "succeeded";
            case Failed<Integer, String> failed -> "failed";
            case Skipped<Integer, String> skipped -> "skipped because of " + skipped.becauseOf();
            case Outcome.Cancelled<Integer, String> cancelled -> "cancelled";
            case NotStarted<Integer, String> notStarted -> "not started";
        };
    }
}
