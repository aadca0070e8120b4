package dev.kiln.executors.walk;

import java.util.List;

/**
 * A work graph that cannot be walked: duplicate or unknown ids, a cycle, or one bound given two
 * limits. The planner reports user-caused cycles as diagnostics before this point, so this is a
 * programming error; the message lists every problem found.
 */
public final class InvalidWalkGraphException
        extends IllegalArgumentException
{
    private final List<String> problems;

    InvalidWalkGraphException(List<String> problems)
    {
        super("Invalid work graph:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems()
    {
        return problems;
    }
}
