package dev.kiln.cli.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.executors.apply.ActionFailedException;
import dev.kiln.executors.apply.ApplyResult;
import dev.kiln.executors.apply.ApplyVerbs;
import dev.kiln.executors.hook.WalkHook;
import dev.kiln.executors.walk.Outcome;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.planner.plan.Action;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * An apply's progress as one JSON object per line, for CI (the shape of Terraform's
 * machine-readable UI): {@code apply_start}, {@code apply_progress}, {@code apply_complete},
 * {@code apply_errored}, and a closing {@code change_summary}.
 */
public final class ApplyJsonView
        implements WalkHook<ResourceAddress>
{
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final PrintStream out;
    private final Map<ResourceAddress, Action> actions;
    private final Clock clock;

    public ApplyJsonView(PrintStream out, Map<ResourceAddress, Action> actions, Clock clock)
    {
        this.out = requireNonNull(out, "out is null");
        this.actions = Map.copyOf(actions);
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public void started(ResourceAddress id)
    {
        ObjectNode event = event("apply_start", id + ": " + verb(id) + "...");
        event.set("hook", hook(id));
        print(event);
    }

    @Override
    public void progress(ResourceAddress id, String message)
    {
        ObjectNode event = event("apply_progress", id + ": " + message);
        ObjectNode hook = hook(id);
        hook.put("step", message);
        event.set("hook", hook);
        print(event);
    }

    @Override
    public void stillRunning(ResourceAddress id, Duration elapsed)
    {
        ObjectNode event = event("apply_progress", id + ": Still " + verb(id).toLowerCase(Locale.ROOT) + "... [" + elapsed.toSeconds() + "s elapsed]");
        ObjectNode hook = hook(id);
        hook.put("elapsed_seconds", elapsed.toSeconds());
        event.set("hook", hook);
        print(event);
    }

    @Override
    public void finished(ResourceAddress id, Outcome<ResourceAddress, ?> outcome)
    {
        ObjectNode hook = hook(id);
        ObjectNode event;
        switch (outcome) {
            case Outcome.Succeeded<ResourceAddress, ?> succeeded -> {
                hook.put("elapsed_seconds", succeeded.duration().toSeconds());
                event = event("apply_complete", id + ": " + ApplyVerbs.noun(action(id)) + " complete after " + succeeded.duration().toSeconds() + "s");
            }
            case Outcome.Failed<ResourceAddress, ?> failed -> {
                hook.put("elapsed_seconds", failed.duration().toSeconds());
                hook.put("error", String.valueOf(failed.exception().getMessage()));
                if (failed.exception() instanceof ActionFailedException failure) {
                    failure.step().ifPresent(step -> hook.put("step", step));
                }
                event = event("apply_errored", id + ": " + ApplyVerbs.noun(action(id)) + " errored after " + failed.duration().toSeconds() + "s");
            }
            case Outcome.Cancelled<ResourceAddress, ?> cancelled -> {
                hook.put("elapsed_seconds", cancelled.duration().toSeconds());
                hook.put("error", "cancelled");
                event = event("apply_errored", id + ": " + ApplyVerbs.noun(action(id)) + " cancelled");
            }
            case Outcome.Skipped<ResourceAddress, ?> skipped -> {
                hook.put("error", "not started, because " + skipped.becauseOf() + " failed");
                event = event("apply_errored", id + ": Not started, because " + skipped.becauseOf() + " failed");
            }
            case Outcome.NotStarted<ResourceAddress, ?> notStarted -> {
                return;
            }
        }
        event.set("hook", hook);
        print(event);
    }

    /** The closing event: what was added, changed and destroyed. */
    public void summary(ApplyResult.ApplyCounts counts, String operation)
    {
        ObjectNode event = event("change_summary", (operation.equals("destroy") ? "Destroy" : "Apply") + " complete! " + counts.sentence());
        ObjectNode changes = event.putObject("changes");
        changes.put("add", counts.added());
        changes.put("change", counts.changed());
        changes.put("remove", counts.destroyed());
        changes.put("operation", operation);
        print(event);
    }

    private ObjectNode hook(ResourceAddress id)
    {
        ObjectNode hook = MAPPER.createObjectNode();
        ObjectNode resource = hook.putObject("resource");
        resource.put("addr", id.toString());
        resource.put("resource_type", id.type());
        resource.put("resource_name", id.name());
        hook.put("action", actionName(action(id)));
        return hook;
    }

    private ObjectNode event(String type, String message)
    {
        ObjectNode event = MAPPER.createObjectNode();
        event.put("@level", type.equals("apply_errored") ? "error" : "info");
        event.put("@message", message);
        event.put("@timestamp", clock.instant().toString());
        event.put("type", type);
        return event;
    }

    private static String actionName(Action action)
    {
        return switch (action) {
            case CREATE -> "create";
            case UPDATE -> "update";
            case DELETE -> "delete";
            case REPLACE -> "replace";
            case NO_OP -> "noop";
        };
    }

    private String verb(ResourceAddress id)
    {
        return ApplyVerbs.progressive(action(id));
    }

    private Action action(ResourceAddress id)
    {
        return actions.getOrDefault(id, Action.UPDATE);
    }

    private void print(ObjectNode event)
    {
        String line;
        try {
            line = MAPPER.writeValueAsString(event);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }
}
