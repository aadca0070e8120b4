package dev.kiln.executors.walk;

import dev.kiln.executors.hook.WalkEvent;
import dev.kiln.executors.hook.WalkEvent.Started;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The timeout only turns a walker bug that would hang into a failure; nothing here measures time. */
@Timeout(120)
class WalkerBoundsTest
{
    /** Generous: only reached when the walker is wrong, and then the test fails instead of hanging. */
    private static final long SAFETY_TIMEOUT_SECONDS = 60;

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 3, 10, 50})
    @DisplayName("never more than parallelism actions run at once")
    void parallelismNeverExceeded(int parallelism)
    {
        RandomDag dag = RandomDag.generate(300, 2, parallelism);
        ConcurrencyGauge gauge = new ConcurrencyGauge();
        List<WorkItem<Integer, Void>> items = new ArrayList<>();
        for (int id = 0; id < dag.size(); id++) {
            items.add(WorkItem.of(id, dag.dependsOn(id), context -> {
                gauge.enter();
                try {
                    Thread.yield();
                    return null;
                }
                finally {
                    gauge.exit();
                }
            }));
        }

        WalkResult<Integer, Void> result = Walker.walk(WalkGraph.of(items), WalkOptions.defaults().withParallelism(parallelism));

        assertTrue(result.allSucceeded());
        assertTrue(gauge.maximum() <= parallelism, "at most " + parallelism + " at once, saw " + gauge.maximum());
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {2, 10, 25})
    @DisplayName("parallelism is reached when enough items are ready: groups of exactly that many meet at a barrier")
    void parallelismReached(int parallelism)
    {
        CyclicBarrier barrier = new CyclicBarrier(parallelism);
        ConcurrencyGauge gauge = new ConcurrencyGauge();
        List<WorkItem<Integer, Void>> items = new ArrayList<>();
        for (int id = 0; id < parallelism * 3; id++) {
            items.add(WorkItem.of(id, Set.of(), context -> {
                gauge.enter();
                try {
                    barrier.await(SAFETY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                    return null;
                }
                finally {
                    gauge.exit();
                }
            }));
        }

        WalkResult<Integer, Void> result = Walker.walk(WalkGraph.of(items), WalkOptions.defaults().withParallelism(parallelism));

        assertTrue(result.allSucceeded(), () -> result.outcomes().toString());
        assertEquals(parallelism, gauge.maximum());
    }

    @Test
    @DisplayName("a per-host bound of 1 is never exceeded, and bounds of several per item never deadlock")
    void hostBoundsNeverExceeded()
    {
        RandomDag dag = RandomDag.generate(300, 2, 5);
        Random random = new Random(5);
        List<Bound> hosts = List.of(Bound.of("host:127.0.0.2", 1), Bound.of("host:127.0.0.3", 1), Bound.of("host:127.0.0.4", 1), Bound.of("host:127.0.0.5", 1));
        Bound membership = Bound.of("etcd-membership:cluster.prod", 1);
        Bound pool = Bound.of("pool:cluster.prod", 3);
        Map<String, ConcurrencyGauge> gauges = new ConcurrentHashMap<>();
        List<WorkItem<Integer, Void>> items = new ArrayList<>();
        for (int id = 0; id < dag.size(); id++) {
            Set<Bound> bounds = new HashSet<>();
            bounds.add(hosts.get(random.nextInt(hosts.size())));
            if (random.nextInt(4) == 0) {
                bounds.add(membership);
            }
            if (random.nextInt(2) == 0) {
                bounds.add(pool);
            }
            items.add(new WorkItem<>(id, dag.dependsOn(id), bounds, context -> {
                bounds.forEach(bound -> gauges.computeIfAbsent(bound.name(), name -> new ConcurrencyGauge()).enter());
                try {
                    Thread.yield();
                    return null;
                }
                finally {
                    bounds.forEach(bound -> gauges.get(bound.name()).exit());
                }
            }));
        }

        WalkResult<Integer, Void> result = Walker.walk(WalkGraph.of(items), WalkOptions.defaults().withParallelism(10));

        assertTrue(result.allSucceeded());
        for (Bound bound : hosts) {
            assertTrue(gauges.get(bound.name()).maximum() <= 1, bound.name());
        }
        assertTrue(gauges.get(membership.name()).maximum() <= 1);
        assertTrue(gauges.get(pool.name()).maximum() <= 3);
    }

    @Test
    @DisplayName("items on different hosts run together: one item per host meets at a barrier")
    void differentHostsOverlap()
    {
        CyclicBarrier barrier = new CyclicBarrier(2);
        List<WorkItem<String, Void>> items = new ArrayList<>();
        for (String id : List.of("a1", "a2", "b1", "b2")) {
            Bound host = Bound.of("host:" + id.charAt(0), 1);
            items.add(new WorkItem<>(id, Set.of(), Set.of(host), context -> {
                barrier.await(SAFETY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                return null;
            }));
        }

        WalkResult<String, Void> result = Walker.walk(WalkGraph.of(items), WalkOptions.defaults());

        assertTrue(result.allSucceeded(), () -> result.outcomes().toString());
    }

    @Test
    @DisplayName("a bound of limit 2 lets two items run together")
    void boundLimitReached()
    {
        CyclicBarrier barrier = new CyclicBarrier(2);
        ConcurrencyGauge gauge = new ConcurrencyGauge();
        Bound bound = Bound.of("etcd-membership:cluster.prod", 2);
        List<WorkItem<Integer, Void>> items = new ArrayList<>();
        for (int id = 0; id < 6; id++) {
            items.add(new WorkItem<>(id, Set.of(), Set.of(bound), context -> {
                gauge.enter();
                try {
                    barrier.await(SAFETY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                    return null;
                }
                finally {
                    gauge.exit();
                }
            }));
        }

        WalkResult<Integer, Void> result = Walker.walk(WalkGraph.of(items), WalkOptions.defaults());

        assertTrue(result.allSucceeded(), () -> result.outcomes().toString());
        assertEquals(2, gauge.maximum());
    }

    @Test
    @DisplayName("an item waiting for a busy host holds no slot: a later item on a free host starts in its place")
    void blockedItemIsOvertaken()
    {
        CountDownLatch release = new CountDownLatch(1);
        Bound first = Bound.of("host:127.0.0.2", 1);
        Bound second = Bound.of("host:127.0.0.3", 1);
        List<WorkItem<String, Void>> items = List.of(
                new WorkItem<>("a", Set.of(), Set.of(first), context -> {
                    release.await();
                    return null;
                }),
                new WorkItem<>("b", Set.of(), Set.of(first), context -> null),
                new WorkItem<>("c", Set.of(), Set.of(second), context -> {
                    release.countDown();
                    return null;
                }));
        RecordingHook<String> recording = new RecordingHook<>();

        WalkResult<String, Void> result = Walker.walk(WalkGraph.of(items), WalkOptions.defaults().withParallelism(2), recording.hook(), new WalkControl());

        assertTrue(result.allSucceeded());
        List<String> started = recording.events().stream().filter(Started.class::isInstance).map(WalkEvent::id).toList();
        assertEquals(List.of("a", "c", "b"), started);
    }
}
