package dev.kiln.planner.plan;

import dev.kiln.lang.value.Value;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** The planned change of one root output; {@code sensitive} outputs never show their values. */
public record OutputChange(String name, Action action, Optional<Value> before, Optional<Value> after, boolean sensitive)
{
    public OutputChange
    {
        requireNonNull(name, "name is null");
        requireNonNull(action, "action is null");
        requireNonNull(before, "before is null");
        requireNonNull(after, "after is null");
        if (action == Action.REPLACE) {
            throw new IllegalArgumentException("an output is never replaced: " + name);
        }
    }
}
