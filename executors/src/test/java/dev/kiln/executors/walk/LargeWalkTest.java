package dev.kiln.executors.walk;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The timeout only turns a walker bug that would hang into a failure; nothing here measures time. */
@Timeout(120)
class LargeWalkTest
{
    @Test
    @DisplayName("a walk of 10,000 items with host bounds completes, every action run once")
    void tenThousandItems()
    {
        RandomDag dag = RandomDag.generate(10_000, 3, 2026);
        AtomicInteger runs = new AtomicInteger();
        List<WorkItem<Integer, Void>> items = new ArrayList<>();
        for (int id = 0; id < dag.size(); id++) {
            Set<Bound> bounds = Set.of(Bound.of("host:" + (id % 200), 1));
            items.add(new WorkItem<>(id, dag.dependsOn(id), bounds, context -> {
                runs.incrementAndGet();
                return null;
            }));
        }

        WalkResult<Integer, Void> result = Walker.walk(WalkGraph.of(items), WalkOptions.defaults().withParallelism(100));

        assertTrue(result.allSucceeded());
        assertEquals(10_000, result.outcomes().size());
        assertEquals(10_000, runs.get());
    }

    @Test
    @DisplayName("10,000 independent items on one host run one at a time and all complete")
    void tenThousandItemsOnOneHost()
    {
        ConcurrencyGauge gauge = new ConcurrencyGauge();
        Bound host = Bound.of("host:127.0.0.2", 1);
        List<WorkItem<Integer, Void>> items = new ArrayList<>();
        for (int id = 0; id < 10_000; id++) {
            items.add(new WorkItem<>(id, Set.of(), Set.of(host), context -> {
                gauge.enter();
                gauge.exit();
                return null;
            }));
        }

        WalkResult<Integer, Void> result = Walker.walk(WalkGraph.of(items), WalkOptions.defaults().withParallelism(100));

        assertTrue(result.allSucceeded());
        assertEquals(1, gauge.maximum());
    }
}
