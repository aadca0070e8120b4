package dev.kiln.executors.walk;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WalkGraphTest
{
    private static WorkItem<String, Void> item(String id, String... dependsOn)
    {
        return WorkItem.of(id, Set.of(dependsOn), context -> null);
    }

    private static WorkItem<String, Void> bounded(String id, Bound... bounds)
    {
        return new WorkItem<>(id, Set.of(), Set.of(bounds), context -> null);
    }

    @Test
    @DisplayName("items are kept in id order, whatever order they were given in")
    void itemsInIdOrder()
    {
        WalkGraph<String, Void> graph = WalkGraph.of(List.of(item("c", "a"), item("a"), item("b", "a")));

        assertEquals(List.of("a", "b", "c"), graph.items().stream().map(WorkItem::id).toList());
        assertEquals(List.of("c", "b", "a"), WalkGraph.of(graph.items(), Comparator.<String>reverseOrder()).items().stream().map(WorkItem::id).toList());
    }

    @Test
    @DisplayName("a cycle is rejected with every id on it, in dependency order")
    void rejectsCycle()
    {
        InvalidWalkGraphException exception = assertThrows(InvalidWalkGraphException.class, () -> WalkGraph.of(List.of(
                item("a", "c"), item("b", "a"), item("c", "b"), item("d", "c"), item("e"))));

        assertEquals(List.of("cycle: a -> c -> b -> a"), exception.problems());
    }

    @Test
    @DisplayName("disjoint cycles and a self-dependency are each listed once")
    void rejectsEveryCycle()
    {
        InvalidWalkGraphException exception = assertThrows(InvalidWalkGraphException.class, () -> WalkGraph.of(List.of(
                item("a", "b"), item("b", "a"), item("c", "a", "d"), item("d", "e"), item("e", "d"), item("f", "f"))));

        assertEquals(List.of("cycle: a -> b -> a", "cycle: d -> e -> d", "cycle: f -> f"), exception.problems());
    }

    @Test
    @DisplayName("unknown dependencies, duplicate ids and conflicting bound limits are all listed")
    void rejectsEveryStructuralProblem()
    {
        InvalidWalkGraphException exception = assertThrows(InvalidWalkGraphException.class, () -> WalkGraph.of(List.of(
                item("a", "zz", "yy"),
                item("b"),
                item("b"),
                bounded("c", Bound.of("host:127.0.0.2", 1)),
                bounded("d", Bound.of("host:127.0.0.2", 2)))));

        assertEquals(
                List.of(
                        "item b is listed more than once",
                        "item a depends on unknown item yy",
                        "item a depends on unknown item zz",
                        "item d gives bound host:127.0.0.2 limit 2, another item limit 1"),
                exception.problems());
        assertEquals(
                """
                Invalid work graph:
                  item b is listed more than once
                  item a depends on unknown item yy
                  item a depends on unknown item zz
                  item d gives bound host:127.0.0.2 limit 2, another item limit 1""",
                exception.getMessage());
    }

    @Test
    @DisplayName("an order that cannot tell two ids apart is rejected")
    void rejectsAmbiguousOrder()
    {
        InvalidWalkGraphException exception = assertThrows(InvalidWalkGraphException.class, () -> WalkGraph.of(
                List.of(item("A"), item("a")),
                String.CASE_INSENSITIVE_ORDER));

        assertEquals(List.of("items A and a are distinct but equal in the start order"), exception.problems());
    }

    @Test
    @DisplayName("a random graph of a few hundred items is accepted")
    void acceptsRandomDag()
    {
        RandomDag dag = RandomDag.generate(300, 3, 7);
        List<WorkItem<Integer, Void>> items = new ArrayList<>();
        for (int id = 0; id < dag.size(); id++) {
            items.add(WorkItem.of(id, dag.dependsOn(id), context -> null));
        }

        assertEquals(300, WalkGraph.of(items).size());
    }

    @Test
    @DisplayName("bounds need a name and a limit of at least one")
    void rejectsInvalidBound()
    {
        assertThrows(IllegalArgumentException.class, () -> Bound.of("host:a", 0));
        assertThrows(IllegalArgumentException.class, () -> Bound.of("", 1));
    }
}
