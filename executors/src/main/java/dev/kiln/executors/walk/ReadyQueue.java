package dev.kiln.executors.walk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;

/**
 * Ready items waiting to start, and the bounds running items hold. {@link #pollStartable()}
 * answers the first ready item in start order ({@link StartPriority}) whose bounds all have
 * room, exactly as a scan of every ready item in that order would, without rescanning items a full bound holds back: such an item is
 * parked on that bound. Whenever the bound gets room (a release) and whenever an item that
 * came back from it leaves the candidates (started, or parked again), its first parked item
 * comes back. So while a bound has room, a candidate that came from it comes before all it
 * still holds back (items park only on full bounds), and the first candidate that fits is
 * the first ready item that fits. Used by the coordinating thread only.
 */
final class ReadyQueue
{
    private final IntFunction<int[]> boundsOf;
    private final BoundLedger ledger;
    private final NavigableSet<Integer> candidates;
    private final List<NavigableSet<Integer>> parked = new ArrayList<>();
    private final int[] returnedFrom;

    ReadyQueue(int size, List<Bound> bounds, IntFunction<int[]> boundsOf, IntUnaryOperator startRank)
    {
        this.boundsOf = boundsOf;
        this.ledger = new BoundLedger(bounds);
        Comparator<Integer> startOrder = Comparator.comparingInt(startRank::applyAsInt);
        this.candidates = new TreeSet<>(startOrder);
        for (int bound = 0; bound < bounds.size(); bound++) {
            parked.add(new TreeSet<>(startOrder));
        }
        this.returnedFrom = new int[size];
    }

    void add(int index)
    {
        returnedFrom[index] = -1;
        candidates.add(index);
    }

    /** Removes and returns the first ready item in start order that fits, having taken its bounds; -1 when none fits. */
    int pollStartable()
    {
        while (!candidates.isEmpty()) {
            int index = candidates.pollFirst();
            int from = returnedFrom[index];
            int full = ledger.firstFull(boundsOf.apply(index));
            if (full < 0) {
                ledger.acquire(boundsOf.apply(index));
            }
            else {
                parked.get(full).add(index);
            }
            if (from >= 0) {
                returnNext(from);
            }
            if (full < 0) {
                return index;
            }
        }
        return -1;
    }

    /** Gives back the bounds of an item that has ended. */
    void release(int index)
    {
        for (int bound : boundsOf.apply(index)) {
            ledger.release(bound);
            returnNext(bound);
        }
    }

    /** Removes every ready item, started or not, in id order. */
    List<Integer> drain()
    {
        NavigableSet<Integer> all = new TreeSet<>();
        all.addAll(candidates);
        parked.forEach(all::addAll);
        candidates.clear();
        parked.forEach(NavigableSet::clear);
        return List.copyOf(all);
    }

    private void returnNext(int bound)
    {
        if (!ledger.hasRoom(bound) || parked.get(bound).isEmpty()) {
            return;
        }
        int index = parked.get(bound).pollFirst();
        returnedFrom[index] = bound;
        candidates.add(index);
    }
}
