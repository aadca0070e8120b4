package dev.kiln.executors.walk;

import dev.kiln.executors.hook.WalkHook;
import dev.kiln.executors.walk.Outcome.Cancelled;
import dev.kiln.executors.walk.Outcome.NotStarted;
import dev.kiln.executors.walk.Outcome.Succeeded;
import dev.kiln.executors.walk.WalkControl.Request;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The timeout only turns a walker bug that would hang into a failure; nothing here measures time. */
@Timeout(120)
class WalkerCancellationTest
{
    @Test
    @DisplayName("stop starts nothing new and lets running actions finish untouched")
    void stopIsGraceful()
    {
        WalkControl control = new WalkControl();
        CountDownLatch secondStarted = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicReference<ActionContext> secondContext = new AtomicReference<>();
        List<WorkItem<String, String>> items = List.of(
                WorkItem.of("a", Set.of(), context -> {
                    secondStarted.await();
                    control.stop();
                    stopped.countDown();
                    return "a";
                }),
                WorkItem.of("b", Set.of(), context -> {
                    secondContext.set(context);
                    secondStarted.countDown();
                    stopped.await();
                    return "b";
                }),
                WorkItem.of("c", Set.of(), context -> "c"),
                WorkItem.of("d", Set.of("a"), context -> "d"));

        WalkResult<String, String> result = Walker.walk(WalkGraph.of(items), WalkOptions.defaults().withParallelism(2), WalkHook.none(), control);

        assertInstanceOf(Succeeded.class, result.outcome("a"));
        assertInstanceOf(Succeeded.class, result.outcome("b"));
        assertFalse(secondContext.get().isCancelled());
        assertEquals(new NotStarted<>(), result.outcome("c"));
        assertEquals(new NotStarted<>(), result.outcome("d"));
    }

    @Test
    @DisplayName("a control stopped before the walk starts nothing")
    void stoppedBeforeStart()
    {
        WalkControl control = new WalkControl();
        control.stop();
        List<WorkItem<String, String>> items = List.of(WorkItem.of("a", Set.of(), context -> "a"), WorkItem.of("b", Set.of("a"), context -> "b"));

        WalkResult<String, String> result = Walker.walk(WalkGraph.of(items), WalkOptions.defaults(), WalkHook.none(), control);

        assertEquals(new NotStarted<>(), result.outcome("a"));
        assertEquals(new NotStarted<>(), result.outcome("b"));
    }

    @Test
    @DisplayName("cancel reaches running actions: callbacks run, blocked threads are interrupted, outcomes are Cancelled")
    void cancelReachesRunningActions()
    {
        WalkControl control = new WalkControl();
        CountDownLatch allStarted = new CountDownLatch(3);
        AtomicBoolean callbackRan = new AtomicBoolean();
        List<WorkItem<String, String>> items = List.of(
                WorkItem.of("blocked", Set.of(), context -> {
                    allStarted.countDown();
                    new CountDownLatch(1).await();
                    return "never";
                }),
                WorkItem.of("callback", Set.of(), context -> {
                    CompletableFuture<Void> aborted = new CompletableFuture<>();
                    context.onCancel(() -> {
                        callbackRan.set(true);
                        aborted.complete(null);
                    });
                    allStarted.countDown();
                    aborted.join();
                    context.throwIfCancelled();
                    return "never";
                }),
                WorkItem.of("finishes", Set.of(), context -> {
                    CompletableFuture<Void> aborted = new CompletableFuture<>();
                    context.onCancel(() -> aborted.complete(null));
                    allStarted.countDown();
                    aborted.join();
                    return "finished anyway";
                }),
                WorkItem.of("later", Set.of(), context -> "later"),
                WorkItem.of("dependent", Set.of("blocked"), context -> "dependent"));
        Thread.ofVirtual().start(() -> {
            awaitUninterruptibly(allStarted);
            control.cancel();
        });

        WalkResult<String, String> result = Walker.walk(WalkGraph.of(items), WalkOptions.defaults().withParallelism(3), WalkHook.none(), control);

        assertInstanceOf(InterruptedException.class, assertInstanceOf(Cancelled.class, result.outcome("blocked")).exception());
        assertInstanceOf(CancellationException.class, assertInstanceOf(Cancelled.class, result.outcome("callback")).exception());
        assertTrue(callbackRan.get());
        assertEquals("finished anyway", assertInstanceOf(Succeeded.class, result.outcome("finishes")).value());
        assertEquals(new NotStarted<>(), result.outcome("later"));
        assertEquals(new NotStarted<>(), result.outcome("dependent"));
    }

    @Test
    @DisplayName("interrupt escalates: the first stops, the second cancels")
    void interruptEscalates()
    {
        WalkControl control = new WalkControl();
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<Request> afterFirst = new AtomicReference<>();
        List<WorkItem<String, String>> items = List.of(
                WorkItem.of("a", Set.of(), context -> {
                    started.countDown();
                    new CountDownLatch(1).await();
                    return "never";
                }),
                WorkItem.of("b", Set.of(), context -> {
                    afterFirst.set(control.interrupt());
                    awaitUninterruptibly(started);
                    control.interrupt();
                    return "b";
                }),
                WorkItem.of("c", Set.of(), context -> "c"));

        WalkResult<String, String> result = Walker.walk(WalkGraph.of(items), WalkOptions.defaults().withParallelism(2), WalkHook.none(), control);

        assertEquals(Request.STOP, afterFirst.get());
        assertEquals(Request.CANCEL, control.request());
        assertInstanceOf(Cancelled.class, result.outcome("a"));
        assertInstanceOf(Succeeded.class, result.outcome("b"));
        assertEquals(new NotStarted<>(), result.outcome("c"));
    }

    @Test
    @DisplayName("interrupting the walking thread cancels running actions, waits for them, and keeps the interrupt")
    void callerInterruptCancels()
            throws InterruptedException
    {
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<WalkResult<String, String>> result = new AtomicReference<>();
        AtomicBoolean interruptKept = new AtomicBoolean();
        List<WorkItem<String, String>> items = List.of(
                WorkItem.of("a", Set.of(), context -> {
                    started.countDown();
                    new CountDownLatch(1).await();
                    return "never";
                }),
                WorkItem.of("b", Set.of("a"), context -> "b"));
        Thread walking = Thread.ofPlatform().start(() -> {
            result.set(Walker.walk(WalkGraph.of(items), WalkOptions.defaults()));
            interruptKept.set(Thread.currentThread().isInterrupted());
        });
        started.await();
        walking.interrupt();
        walking.join();

        assertInstanceOf(Cancelled.class, result.get().outcome("a"));
        assertEquals(new NotStarted<>(), result.get().outcome("b"));
        assertTrue(interruptKept.get());
    }

    @Test
    @DisplayName("a token runs its callbacks once, in order, even when one throws; late callbacks run at once; closed ones never")
    void tokenCallbacks()
    {
        CancellationToken token = new CancellationToken();
        List<String> calls = new ArrayList<>();
        token.onCancel(() -> calls.add("first"));
        token.onCancel(() -> {
            throw new IllegalStateException("callback failed");
        });
        token.onCancel(() -> calls.add("closed")).close();
        token.onCancel(() -> calls.add("third"));

        assertFalse(token.isCancelled());
        token.throwIfCancelled();
        token.cancel();
        token.cancel();
        token.onCancel(() -> calls.add("late"));

        assertTrue(token.isCancelled());
        assertEquals(List.of("first", "third", "late"), calls);
        assertEquals(1, token.callbackFailures().size());
        assertThrows(CancellationException.class, token::throwIfCancelled);
    }

    private static void awaitUninterruptibly(CountDownLatch latch)
    {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            }
            catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
