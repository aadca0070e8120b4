package dev.kiln.providers;

import dev.kiln.executors.walk.ActionContext;
import dev.kiln.executors.walk.CancellationToken;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An action context for driver tests: a real cancellation token, progress messages kept. */
public final class TestContext
        implements ActionContext
{
    private final CancellationToken cancellation = new CancellationToken();
    private final List<String> progress = new CopyOnWriteArrayList<>();

    @Override
    public CancellationToken cancellation()
    {
        return cancellation;
    }

    @Override
    public void progress(String message)
    {
        progress.add(message);
    }

    public List<String> messages()
    {
        return List.copyOf(progress);
    }
}
