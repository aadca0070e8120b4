package dev.kiln.executors.hook;

import dev.kiln.executors.walk.Outcome;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

final class CompositeHook<K>
        implements WalkHook<K>
{
    private final List<WalkHook<K>> hooks;

    CompositeHook(List<? extends WalkHook<K>> hooks)
    {
        this.hooks = List.copyOf(requireNonNull(hooks, "hooks is null"));
    }

    @Override
    public void started(K id)
    {
        each(hook -> hook.started(id));
    }

    @Override
    public void progress(K id, String message)
    {
        each(hook -> hook.progress(id, message));
    }

    @Override
    public void stillRunning(K id, Duration elapsed)
    {
        each(hook -> hook.stillRunning(id, elapsed));
    }

    @Override
    public void finished(K id, Outcome<K, ?> outcome)
    {
        each(hook -> hook.finished(id, outcome));
    }

    private void each(Consumer<WalkHook<K>> call)
    {
        RuntimeException first = null;
        for (WalkHook<K> hook : hooks) {
            try {
                call.accept(hook);
            }
            catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                }
                else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
