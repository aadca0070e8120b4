package dev.kiln.cli.view;

import dev.kiln.executors.apply.ActionFailedException;
import dev.kiln.executors.apply.ApplyVerbs;
import dev.kiln.executors.hook.WalkHook;
import dev.kiln.executors.walk.Outcome;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.planner.plan.Action;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * An apply's progress as Terraform users read it: {@code cluster.prod: Creating...},
 * {@code cluster.prod: Still creating... [10s elapsed]}, {@code cluster.prod: Creation
 * complete after 12s}, and a line for each failure naming the address and the step.
 */
public final class ApplyProgressView
        implements WalkHook<ResourceAddress>
{
    private final PrintStream out;
    private final Map<ResourceAddress, Action> actions;
    private final Styles styles;

    public ApplyProgressView(PrintStream out, Map<ResourceAddress, Action> actions, Styles styles)
    {
        this.out = requireNonNull(out, "out is null");
        this.actions = Map.copyOf(actions);
        this.styles = requireNonNull(styles, "styles is null");
    }

    @Override
    public void started(ResourceAddress id)
    {
        line(styles.bold(id + ": " + ApplyVerbs.progressive(action(id)) + "..."));
    }

    @Override
    public void progress(ResourceAddress id, String message)
    {
        line(id + ": " + message);
    }

    @Override
    public void stillRunning(ResourceAddress id, Duration elapsed)
    {
        line(styles.bold(id + ": " + ApplyVerbs.still(action(id)) + "... [" + ApplyVerbs.elapsed(elapsed) + " elapsed]"));
    }

    @Override
    public void finished(ResourceAddress id, Outcome<ResourceAddress, ?> outcome)
    {
        switch (outcome) {
            case Outcome.Succeeded<ResourceAddress, ?> succeeded ->
                    line(styles.bold(id + ": " + ApplyVerbs.noun(action(id)) + " complete after " + ApplyVerbs.elapsed(succeeded.duration())));
            case Outcome.Failed<ResourceAddress, ?> failed -> line(styles.red(id + ": " + ApplyVerbs.noun(action(id)) + " failed after "
                    + ApplyVerbs.elapsed(failed.duration()) + step(failed.exception())));
            case Outcome.Cancelled<ResourceAddress, ?> cancelled ->
                    line(styles.yellow(id + ": " + ApplyVerbs.noun(action(id)) + " cancelled after " + ApplyVerbs.elapsed(cancelled.duration())));
            case Outcome.Skipped<ResourceAddress, ?> skipped -> line(id + ": Not started, because " + skipped.becauseOf() + " failed");
            case Outcome.NotStarted<ResourceAddress, ?> notStarted -> {
            }
        }
    }

    private static String step(Throwable exception)
    {
        if (exception instanceof ActionFailedException failure && failure.step().isPresent()) {
            return " during \"" + failure.step().get() + "\"";
        }
        return "";
    }

    private Action action(ResourceAddress id)
    {
        return actions.getOrDefault(id, Action.UPDATE);
    }

    private void line(String text)
    {
        synchronized (out) {
            out.println(text);
            out.flush();
        }
    }
}
