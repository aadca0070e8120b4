package dev.kiln.executors.walk;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReadyQueueTest
{
    static LongStream seeds()
    {
        return LongStream.rangeClosed(1, 60);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    @DisplayName("starts exactly what a scan of every ready item in start order would start, step by step")
    void matchesFullScan(long seed)
    {
        Random random = new Random(seed);
        int size = 400;
        List<Bound> bounds = IntStream.range(0, 6).mapToObj(bound -> Bound.of("bound-" + bound, 1 + random.nextInt(2))).toList();
        int[][] itemBounds = new int[size][];
        for (int index = 0; index < size; index++) {
            TreeSet<Integer> chosen = new TreeSet<>();
            int count = random.nextInt(5);
            while (chosen.size() < count) {
                chosen.add(random.nextInt(bounds.size()));
            }
            itemBounds[index] = chosen.stream().mapToInt(Integer::intValue).toArray();
        }
        int parallelism = 1 + random.nextInt(8);
        List<Integer> order = new ArrayList<>(IntStream.range(0, size).boxed().toList());
        Collections.shuffle(order, random);
        int[] rank = new int[size];
        for (int position = 0; position < size; position++) {
            rank[order.get(position)] = position;
        }
        ReadyQueue queue = new ReadyQueue(size, bounds, index -> itemBounds[index], index -> rank[index]);
        FullScan reference = new FullScan(bounds, itemBounds, rank);
        List<Integer> waiting = new ArrayList<>(IntStream.range(0, size).boxed().toList());
        Collections.shuffle(waiting, random);
        List<Integer> running = new ArrayList<>();
        List<Integer> started = new ArrayList<>();

        while (!waiting.isEmpty() || !running.isEmpty()) {
            if (!waiting.isEmpty() && (running.isEmpty() || random.nextBoolean())) {
                for (int count = 1 + random.nextInt(5); count > 0 && !waiting.isEmpty(); count--) {
                    int index = waiting.removeLast();
                    queue.add(index);
                    reference.add(index);
                }
            }
            else {
                int index = running.remove(random.nextInt(running.size()));
                queue.release(index);
                reference.release(index);
            }
            while (running.size() < parallelism) {
                int next = queue.pollStartable();
                assertEquals(reference.pollStartable(), next, "after " + started.size() + " starts");
                if (next < 0) {
                    break;
                }
                running.add(next);
                started.add(next);
            }
        }

        assertEquals(size, started.size());
        assertEquals(List.of(), queue.drain());
    }

    @Test
    @DisplayName("drain returns waiting and parked items together, in id order")
    void drainInIdOrder()
    {
        List<Bound> bounds = List.of(Bound.of("host:a", 1));
        int[][] itemBounds = {{0}, {0}, {}, {0}};
        ReadyQueue queue = new ReadyQueue(4, bounds, index -> itemBounds[index], index -> 3 - index);
        for (int index : List.of(3, 1, 0, 2)) {
            queue.add(index);
        }

        assertEquals(3, queue.pollStartable());
        assertEquals(2, queue.pollStartable());
        assertEquals(-1, queue.pollStartable());
        assertEquals(List.of(0, 1), queue.drain());
    }

    /** The obvious algorithm the queue must agree with. */
    private static final class FullScan
    {
        private final int[] limits;
        private final int[] inUse;
        private final int[][] itemBounds;
        private final TreeSet<Integer> ready;

        FullScan(List<Bound> bounds, int[][] itemBounds, int[] rank)
        {
            this.ready = new TreeSet<>(Comparator.comparingInt(index -> rank[index]));
            this.limits = bounds.stream().mapToInt(Bound::limit).toArray();
            this.inUse = new int[limits.length];
            this.itemBounds = itemBounds;
        }

        void add(int index)
        {
            ready.add(index);
        }

        int pollStartable()
        {
            for (int index : ready) {
                if (IntStream.of(itemBounds[index]).allMatch(bound -> inUse[bound] < limits[bound])) {
                    IntStream.of(itemBounds[index]).forEach(bound -> inUse[bound]++);
                    ready.remove(index);
                    return index;
                }
            }
            return -1;
        }

        void release(int index)
        {
            IntStream.of(itemBounds[index]).forEach(bound -> inUse[bound]--);
        }
    }
}
