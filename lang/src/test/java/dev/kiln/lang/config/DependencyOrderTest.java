package dev.kiln.lang.config;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DependencyOrderTest
{
    @Test
    @DisplayName("dependencies come before their dependents, independent nodes by name")
    void ordersDependenciesFirst()
    {
        List<DependencyOrder.Component> order = DependencyOrder.of(Map.of(
                "c", Set.of("b"),
                "b", Set.of("a"),
                "a", Set.of(),
                "d", Set.of()));
        assertEquals(List.of(
                        new DependencyOrder.Component(List.of("a"), false),
                        new DependencyOrder.Component(List.of("b"), false),
                        new DependencyOrder.Component(List.of("c"), false),
                        new DependencyOrder.Component(List.of("d"), false)),
                order);
    }

    @Test
    @DisplayName("every node of a cycle is in one cyclic component; a self-reference is a cycle of one")
    void groupsCycles()
    {
        List<DependencyOrder.Component> order = DependencyOrder.of(Map.of(
                "a", Set.of("b"),
                "b", Set.of("c"),
                "c", Set.of("a"),
                "d", Set.of("a"),
                "e", Set.of("e")));
        assertEquals(List.of(
                        new DependencyOrder.Component(List.of("a", "b", "c"), true),
                        new DependencyOrder.Component(List.of("d"), false),
                        new DependencyOrder.Component(List.of("e"), true)),
                order);
    }

    @Test
    @DisplayName("edges to unknown names are ignored")
    void ignoresUnknownTargets()
    {
        assertEquals(
                List.of(new DependencyOrder.Component(List.of("a"), false)),
                DependencyOrder.of(Map.of("a", Set.of("missing"))));
    }
}
