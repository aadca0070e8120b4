package dev.kiln.state.encryption;

import dev.kiln.state.State;

import static java.util.Objects.requireNonNull;

/** A state read from stored bytes, and the key that opened them. */
public record DecodedState(State state, KeyUse keyUse)
{
    public DecodedState
    {
        requireNonNull(state, "state is null");
        requireNonNull(keyUse, "keyUse is null");
    }
}
