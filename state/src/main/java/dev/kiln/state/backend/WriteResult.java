package dev.kiln.state.backend;

import dev.kiln.state.State;

import static java.util.Objects.requireNonNull;

/** What a write stored: the state with its final serial, and whether anything changed. */
public record WriteResult(State state, boolean changed)
{
    public WriteResult
    {
        requireNonNull(state, "state is null");
    }
}
