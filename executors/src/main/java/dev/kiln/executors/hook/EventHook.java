package dev.kiln.executors.hook;

import dev.kiln.executors.hook.WalkEvent.Finished;
import dev.kiln.executors.hook.WalkEvent.Progress;
import dev.kiln.executors.hook.WalkEvent.Started;
import dev.kiln.executors.hook.WalkEvent.StillRunning;
import dev.kiln.executors.walk.Outcome;

import java.time.Duration;
import java.util.function.Consumer;

final class EventHook<K>
        implements WalkHook<K>
{
    private final Consumer<? super WalkEvent<K>> consumer;

    EventHook(Consumer<? super WalkEvent<K>> consumer)
    {
        this.consumer = consumer;
    }

    @Override
    public void started(K id)
    {
        consumer.accept(new Started<>(id));
    }

    @Override
    public void progress(K id, String message)
    {
        consumer.accept(new Progress<>(id, message));
    }

    @Override
    public void stillRunning(K id, Duration elapsed)
    {
        consumer.accept(new StillRunning<>(id, elapsed));
    }

    @Override
    public void finished(K id, Outcome<K, ?> outcome)
    {
        consumer.accept(new Finished<>(id, outcome));
    }
}
