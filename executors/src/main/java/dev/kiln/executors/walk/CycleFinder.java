package dev.kiln.executors.walk;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds cycles in a dependency array. Items that Kahn's algorithm cannot order lie on or behind
 * a cycle; following each one's smallest unordered dependency must loop, and every loop found
 * that way is reported once (loops found are disjoint).
 */
final class CycleFinder
{
    private CycleFinder() {}

    /** Each cycle as item indexes, each depending on the next and the last on the first; empty when acyclic. */
    static List<List<Integer>> cycles(int[][] dependencies)
    {
        boolean[] ordered = orderable(dependencies);
        int[] visitedBy = new int[dependencies.length];
        List<List<Integer>> cycles = new ArrayList<>();
        for (int start = 0; start < dependencies.length; start++) {
            if (ordered[start] || visitedBy[start] != 0) {
                continue;
            }
            List<Integer> path = new ArrayList<>();
            int current = start;
            while (visitedBy[current] == 0) {
                visitedBy[current] = start + 1;
                path.add(current);
                current = firstUnordered(dependencies[current], ordered);
            }
            if (visitedBy[current] == start + 1) {
                cycles.add(List.copyOf(path.subList(path.indexOf(current), path.size())));
            }
        }
        return cycles;
    }

    private static boolean[] orderable(int[][] dependencies)
    {
        int[] remaining = new int[dependencies.length];
        List<List<Integer>> dependents = new ArrayList<>();
        for (int index = 0; index < dependencies.length; index++) {
            dependents.add(new ArrayList<>());
        }
        for (int index = 0; index < dependencies.length; index++) {
            remaining[index] = dependencies[index].length;
            for (int dependency : dependencies[index]) {
                dependents.get(dependency).add(index);
            }
        }
        boolean[] ordered = new boolean[dependencies.length];
        int[] queue = new int[dependencies.length];
        int tail = 0;
        for (int index = 0; index < dependencies.length; index++) {
            if (remaining[index] == 0) {
                queue[tail++] = index;
            }
        }
        for (int head = 0; head < tail; head++) {
            int index = queue[head];
            ordered[index] = true;
            for (int dependent : dependents.get(index)) {
                if (--remaining[dependent] == 0) {
                    queue[tail++] = dependent;
                }
            }
        }
        return ordered;
    }

    private static int firstUnordered(int[] dependencies, boolean[] ordered)
    {
        for (int dependency : dependencies) {
            if (!ordered[dependency]) {
                return dependency;
            }
        }
        throw new IllegalStateException("an unordered item has no unordered dependency");
    }
}
