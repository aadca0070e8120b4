package dev.kiln.executors.walk;

import dev.kiln.executors.hook.WalkHook;
import dev.kiln.executors.walk.Outcome.Cancelled;
import dev.kiln.executors.walk.Outcome.Failed;
import dev.kiln.executors.walk.Outcome.NotStarted;
import dev.kiln.executors.walk.Outcome.Skipped;
import dev.kiln.executors.walk.Outcome.Succeeded;
import dev.kiln.executors.walk.RunningAction.Completion;
import dev.kiln.executors.walk.WalkControl.Request;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One walk. All decisions (what starts, what is skipped, bounds, ticks) are made on the calling
 * thread from one queue of events (completions and control requests), so the walk's state
 * needs no locks and equal event sequences give equal runs.
 */
final class WalkRun<K, V>
{
    private static final Object WAKE = new Object();

    private final WalkGraph<K, V> graph;
    private final WalkOptions options;
    private final GuardedHook<K> hook;
    private final WalkControl control;
    private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
    private final List<Outcome<K, V>> outcomes;
    private final int[] unsettledDependencies;
    private final int[] firstFailedAncestor;
    private final boolean[] dependencyUnsuccessful;
    private final List<RunningAction<K, V>> running;
    private final ReadyQueue ready;
    private final TickSchedule ticks;
    private int runningCount;
    private boolean stopping;
    private boolean cancelling;
    private boolean callerInterrupted;

    WalkRun(WalkGraph<K, V> graph, WalkOptions options, WalkHook<K> hook, WalkControl control)
    {
        this.graph = graph;
        this.options = options;
        this.hook = new GuardedHook<>(hook);
        this.control = control;
        int size = graph.size();
        this.outcomes = new ArrayList<>(Collections.nCopies(size, null));
        this.running = new ArrayList<>(Collections.nCopies(size, null));
        this.unsettledDependencies = new int[size];
        this.firstFailedAncestor = new int[size];
        this.dependencyUnsuccessful = new boolean[size];
        this.ready = new ReadyQueue(size, graph.bounds(), graph::bounds, graph::startRank);
        this.ticks = new TickSchedule(options.stillRunningInterval());
    }

    WalkResult<K, V> run()
    {
        long start = System.nanoTime();
        Runnable wake = () -> events.add(WAKE);
        control.addListener(wake);
        try {
            for (int index = 0; index < graph.size(); index++) {
                unsettledDependencies[index] = graph.dependencies(index).length;
                firstFailedAncestor[index] = -1;
                if (unsettledDependencies[index] == 0) {
                    ready.add(index);
                }
            }
            while (true) {
                applyControl();
                startReady();
                if (runningCount == 0) {
                    break;
                }
                awaitEvents();
            }
            settleNotStarted();
        }
        finally {
            control.removeListener(wake);
        }
        if (callerInterrupted) {
            Thread.currentThread().interrupt();
        }
        return result(Duration.ofNanos(System.nanoTime() - start));
    }

    private void applyControl()
    {
        Request request = callerInterrupted ? Request.CANCEL : control.request();
        if (request != Request.NONE) {
            stopping = true;
        }
        if (request == Request.CANCEL && !cancelling) {
            cancelling = true;
            for (RunningAction<K, V> action : running) {
                if (action != null) {
                    Thread.ofVirtual().name("kiln-walk-cancel").start(action::cancel);
                }
            }
        }
    }

    /** Starts ready items in start order (critical path first) while slots last; an item starts only when all its bounds have room at once. */
    private void startReady()
    {
        while (runningCount < options.parallelism()) {
            applyControl();
            if (stopping) {
                return;
            }
            int index = ready.pollStartable();
            if (index < 0) {
                return;
            }
            start(index);
        }
    }

    private void start(int index)
    {
        runningCount++;
        K id = graph.id(index);
        hook.started(id);
        RunningAction<K, V> action = new RunningAction<>(index, id, graph.item(index).action(), hook, events::add);
        running.set(index, action);
        ticks.add(index, System.nanoTime());
        Thread.ofVirtual().name("kiln-walk-" + id).start(action);
    }

    private void awaitEvents()
    {
        Object event = null;
        try {
            long wait = ticks.nanosUntilNext(System.nanoTime());
            event = wait == Long.MAX_VALUE ? events.take() : events.poll(wait, TimeUnit.NANOSECONDS);
        }
        catch (InterruptedException e) {
            callerInterrupted = true;
        }
        while (event != null) {
            if (event instanceof Completion<?, ?> completion) {
                complete(completion.index(), outcomeOf(completion));
            }
            event = events.poll();
        }
        ticks.fireDue(System.nanoTime(), index -> running.get(index) != null, (index, elapsed) -> hook.stillRunning(graph.id(index), elapsed));
    }

    private void complete(int index, Outcome<K, V> outcome)
    {
        running.set(index, null);
        runningCount--;
        ready.release(index);
        if (outcome instanceof Failed<K, V> && options.failFast()) {
            stopping = true;
        }
        settle(index, outcome);
    }

    /** Records an outcome, then decides every dependent whose dependencies have all settled. */
    private void settle(int index, Outcome<K, V> outcome)
    {
        ArrayDeque<Integer> settled = new ArrayDeque<>();
        record(index, outcome, settled);
        while (!settled.isEmpty()) {
            int dependency = settled.poll();
            for (int dependent : graph.dependents(dependency)) {
                noteSettled(dependent, dependency);
                if (--unsettledDependencies[dependent] == 0) {
                    decide(dependent, settled);
                }
            }
        }
    }

    private void noteSettled(int dependent, int dependency)
    {
        switch (outcomes.get(dependency)) {
            case Succeeded<K, V> succeeded -> {}
            case Failed<K, V> failed -> blame(dependent, dependency);
            case Skipped<K, V> skipped -> blame(dependent, firstFailedAncestor[dependency]);
            case Cancelled<K, V> cancelled -> dependencyUnsuccessful[dependent] = true;
            case NotStarted<K, V> notStarted -> dependencyUnsuccessful[dependent] = true;
        }
    }

    private void blame(int dependent, int failed)
    {
        dependencyUnsuccessful[dependent] = true;
        if (firstFailedAncestor[dependent] < 0 || failed < firstFailedAncestor[dependent]) {
            firstFailedAncestor[dependent] = failed;
        }
    }

    private void decide(int index, ArrayDeque<Integer> settled)
    {
        if (!dependencyUnsuccessful[index]) {
            ready.add(index);
        }
        else if (firstFailedAncestor[index] >= 0) {
            record(index, new Skipped<>(graph.id(firstFailedAncestor[index])), settled);
        }
        else {
            record(index, new NotStarted<>(), settled);
        }
    }

    private void record(int index, Outcome<K, V> outcome, ArrayDeque<Integer> settled)
    {
        outcomes.set(index, outcome);
        hook.finished(graph.id(index), outcome);
        settled.add(index);
    }

    /** After the last running action ended: whatever is ready was held back by a stop, and never starts. */
    private void settleNotStarted()
    {
        for (int index : ready.drain()) {
            settle(index, new NotStarted<>());
        }
    }

    private WalkResult<K, V> result(Duration makespan)
    {
        SequencedMap<K, Outcome<K, V>> byId = new LinkedHashMap<>();
        for (int index = 0; index < graph.size(); index++) {
            Outcome<K, V> outcome = outcomes.get(index);
            if (outcome == null) {
                throw new IllegalStateException("item " + graph.id(index) + " has no outcome");
            }
            byId.put(graph.id(index), outcome);
        }
        return new WalkResult<>(byId, makespan, hook.firstFailure());
    }

    @SuppressWarnings("unchecked")
    private Outcome<K, V> outcomeOf(Completion<?, ?> completion)
    {
        return (Outcome<K, V>) completion.outcome();
    }
}
