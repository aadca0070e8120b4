package dev.kiln.state.encryption;

import static java.util.Objects.requireNonNull;

/** Stored bytes opened: the plaintext and the key that opened them. */
public record Opened(byte[] plaintext, KeyUse keyUse)
{
    public Opened
    {
        requireNonNull(plaintext, "plaintext is null");
        requireNonNull(keyUse, "keyUse is null");
    }
}
