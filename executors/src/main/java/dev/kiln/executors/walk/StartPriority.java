package dev.kiln.executors.walk;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The order in which ready items start: critical path first. An item's level is the length,
 * in items, of the longest chain of dependents that waits on it (an item nothing depends on
 * has level 1); ready items start highest level first, ties in id order. Starting the heads of
 * long chains early keeps the last items of a walk from running alone at its end, the tail
 * that id order leaves when the last of many short items unblocks a long one.
 */
final class StartPriority
{
    private StartPriority() {}

    /** {@code rank[index]}: the item's position in start order, for an acyclic graph given by both edge directions. */
    static int[] ranks(int[][] dependencies, int[][] dependents)
    {
        int[] level = levels(dependencies, dependents);
        Integer[] order = IntStream.range(0, level.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.<Integer>comparingInt(index -> -level[index]).thenComparingInt(index -> index));
        int[] rank = new int[level.length];
        for (int position = 0; position < order.length; position++) {
            rank[order[position]] = position;
        }
        return rank;
    }

    /** Levels computed from the items nothing depends on back to the roots (Kahn's order over dependents). */
    private static int[] levels(int[][] dependencies, int[][] dependents)
    {
        int size = dependencies.length;
        int[] level = new int[size];
        int[] waiting = new int[size];
        int[] queue = new int[size];
        int tail = 0;
        for (int index = 0; index < size; index++) {
            waiting[index] = dependents[index].length;
            if (waiting[index] == 0) {
                queue[tail++] = index;
            }
        }
        for (int head = 0; head < tail; head++) {
            int index = queue[head];
            int highest = 0;
            for (int dependent : dependents[index]) {
                highest = Math.max(highest, level[dependent]);
            }
            level[index] = highest + 1;
            for (int dependency : dependencies[index]) {
                if (--waiting[dependency] == 0) {
                    queue[tail++] = dependency;
                }
            }
        }
        return level;
    }
}
