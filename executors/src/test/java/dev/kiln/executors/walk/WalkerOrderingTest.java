package dev.kiln.executors.walk;

import dev.kiln.executors.hook.WalkEvent;
import dev.kiln.executors.hook.WalkEvent.Started;
import dev.kiln.executors.walk.Outcome.Succeeded;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The timeout only turns a walker bug that would hang into a failure; nothing here measures time. */
@Timeout(120)
class WalkerOrderingTest
{
    @ParameterizedTest(name = "{0} items, parallelism {1}, seed {2}")
    @CsvSource({
            "300, 1, 1",
            "300, 4, 2",
            "400, 10, 3",
            "400, 64, 4",
    })
    @DisplayName("no item starts before everything it depends on has succeeded")
    void dependenciesSucceedFirst(int size, int parallelism, long seed)
    {
        RandomDag dag = RandomDag.generate(size, 3, seed);
        Set<Integer> succeeded = ConcurrentHashMap.newKeySet();
        Set<String> violations = ConcurrentHashMap.newKeySet();
        List<WorkItem<Integer, Integer>> items = new ArrayList<>();
        for (int id = 0; id < size; id++) {
            int self = id;
            items.add(WorkItem.of(id, dag.dependsOn(id), context -> {
                for (int dependency : dag.dependsOn(self)) {
                    if (!succeeded.contains(dependency)) {
                        violations.add(self + " started before " + dependency + " succeeded");
                    }
                }
                Thread.yield();
                succeeded.add(self);
                return self * 2;
            }));
        }

        WalkResult<Integer, Integer> result = Walker.walk(WalkGraph.of(items), WalkOptions.defaults().withParallelism(parallelism));

        assertEquals(Set.of(), violations);
        assertTrue(result.allSucceeded());
        assertEquals(size, result.outcomes().size());
        for (int id = 0; id < size; id++) {
            assertEquals(id * 2, ((Succeeded<Integer, Integer>) result.outcome(id)).value());
        }
    }

    @Test
    @DisplayName("with parallelism 1 items start longest-chain-first, ties smallest id first, every run")
    void startOrderIsReproducible()
    {
        RandomDag dag = RandomDag.generate(200, 2, 11);
        List<Integer> expected = longestChainReadyFirst(dag);

        for (int run = 0; run < 3; run++) {
            RecordingHook<Integer> recording = new RecordingHook<>();
            List<WorkItem<Integer, Void>> items = new ArrayList<>();
            for (int id = 0; id < dag.size(); id++) {
                items.add(WorkItem.of(id, dag.dependsOn(id), context -> null));
            }

            Walker.walk(WalkGraph.of(items), WalkOptions.defaults().withParallelism(1), recording.hook(), new WalkControl());

            List<Integer> started = recording.events().stream()
                    .filter(Started.class::isInstance)
                    .map(WalkEvent::id)
                    .toList();
            assertEquals(expected, started);
        }
    }

    @Test
    @DisplayName("results list every item in id order")
    void resultsInIdOrder()
    {
        List<WorkItem<String, String>> items = List.of(
                WorkItem.of("c", Set.of(), context -> "c"),
                WorkItem.of("a", Set.of("c"), context -> "a"),
                WorkItem.of("b", Set.of(), context -> "b"));

        WalkResult<String, String> result = Walker.walk(WalkGraph.of(items), WalkOptions.defaults());

        assertEquals(List.of("a", "b", "c"), List.copyOf(result.outcomes().keySet()));
    }

    @Test
    @DisplayName("an empty graph walks to an empty result")
    void emptyGraph()
    {
        WalkResult<String, Void> result = Walker.walk(WalkGraph.<String, Void>of(List.of()), WalkOptions.defaults());

        assertEquals(0, result.outcomes().size());
        assertTrue(result.allSucceeded());
    }

    @Test
    @DisplayName("the head of a longer chain starts before an independent item with a smaller id")
    void criticalPathFirst()
    {
        RecordingHook<String> recording = new RecordingHook<>();
        List<WorkItem<String, Void>> items = List.of(
                WorkItem.of("a", Set.of(), context -> null),
                WorkItem.of("b", Set.of(), context -> null),
                WorkItem.of("c", Set.of("b"), context -> null));

        Walker.walk(WalkGraph.of(items), WalkOptions.defaults().withParallelism(1), recording.hook(), new WalkControl());

        List<String> started = recording.events().stream()
                .filter(Started.class::isInstance)
                .map(WalkEvent::id)
                .toList();
        assertEquals(List.of("b", "a", "c"), started);
    }

    /** The obvious algorithm: among ready items, the one with the longest chain of dependents, then the smallest id. */
    private static List<Integer> longestChainReadyFirst(RandomDag dag)
    {
        int[] level = new int[dag.size()];
        for (int id = dag.size() - 1; id >= 0; id--) {
            level[id] = 1;
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int id = 0; id < dag.size(); id++) {
                for (int dependency : dag.dependsOn(id)) {
                    if (level[dependency] < level[id] + 1) {
                        level[dependency] = level[id] + 1;
                        changed = true;
                    }
                }
            }
        }
        List<Integer> order = new ArrayList<>();
        Set<Integer> done = new TreeSet<>();
        while (order.size() < dag.size()) {
            int best = -1;
            for (int id = 0; id < dag.size(); id++) {
                if (!done.contains(id) && done.containsAll(dag.dependsOn(id)) && (best < 0 || level[id] > level[best])) {
                    best = id;
                }
            }
            order.add(best);
            done.add(best);
        }
        return order;
    }
}
