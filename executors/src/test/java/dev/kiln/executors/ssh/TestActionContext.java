package dev.kiln.executors.ssh;

import dev.kiln.executors.walk.ActionContext;
import dev.kiln.executors.walk.CancellationToken;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An action context whose cancellation a test triggers. */
final class TestActionContext
        implements ActionContext
{
    private final CancellationToken token = new CancellationToken();
    private final List<String> progress = new CopyOnWriteArrayList<>();

    @Override
    public CancellationToken cancellation()
    {
        return token;
    }

    @Override
    public void progress(String message)
    {
        progress.add(message);
    }

    void cancel()
    {
        token.cancel();
    }
}
