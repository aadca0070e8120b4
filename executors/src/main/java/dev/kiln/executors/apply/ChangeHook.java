package dev.kiln.executors.apply;

import dev.kiln.executors.hook.WalkHook;
import dev.kiln.executors.walk.Outcome;
import dev.kiln.lang.addr.ResourceAddress;

import java.time.Duration;
import java.util.Set;

/** Passes on the events of instances that change; no-op items are the walk's business only. */
final class ChangeHook
        implements WalkHook<ResourceAddress>
{
    private final WalkHook<ResourceAddress> delegate;
    private final Set<ResourceAddress> changing;

    ChangeHook(WalkHook<ResourceAddress> delegate, Set<ResourceAddress> changing)
    {
        this.delegate = delegate;
        this.changing = Set.copyOf(changing);
    }

    @Override
    public void started(ResourceAddress id)
    {
        if (changing.contains(id)) {
            delegate.started(id);
        }
    }

    @Override
    public void progress(ResourceAddress id, String message)
    {
        if (changing.contains(id)) {
            delegate.progress(id, message);
        }
    }

    @Override
    public void stillRunning(ResourceAddress id, Duration elapsed)
    {
        if (changing.contains(id)) {
            delegate.stillRunning(id, elapsed);
        }
    }

    @Override
    public void finished(ResourceAddress id, Outcome<ResourceAddress, ?> outcome)
    {
        if (changing.contains(id)) {
            delegate.finished(id, outcome);
        }
    }
}
