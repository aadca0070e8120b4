package dev.kiln.executors.walk;

import dev.kiln.executors.hook.WalkEvent;
import dev.kiln.executors.hook.WalkHook;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Keeps every hook call as an event, in the order the calls happened; thread-safe. */
final class RecordingHook<K>
        implements Consumer<WalkEvent<K>>
{
    private final List<WalkEvent<K>> events = new ArrayList<>();

    @Override
    public synchronized void accept(WalkEvent<K> event)
    {
        events.add(event);
    }

    synchronized List<WalkEvent<K>> events()
    {
        return List.copyOf(events);
    }

    synchronized List<WalkEvent<K>> events(K id)
    {
        return events.stream().filter(event -> event.id().equals(id)).toList();
    }

    WalkHook<K> hook()
    {
        return WalkHook.events(this);
    }
}
