package dev.kiln.state.backend;

import dev.kiln.state.State;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import static java.util.Objects.requireNonNull;

/** A state as read from a backend, with the SHA-256 of its stored bytes. */
public record StateSnapshot(State state, String sha256)
{
    public StateSnapshot
    {
        requireNonNull(state, "state is null");
        requireNonNull(sha256, "sha256 is null");
    }

    public static StateSnapshot of(State state, byte[] stored)
    {
        return new StateSnapshot(state, sha256(stored));
    }

    public static StateSnapshot of(State state, String storedText)
    {
        return of(state, storedText.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] bytes)
    {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
