package dev.kiln.state.backend;

import dev.kiln.state.State;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

import static java.util.Objects.requireNonNull;

/**
 * A state as read from a backend, with the SHA-256 of its stored bytes. The digest is
 * computed when first asked for: most reads want only the state, and hashing a large state
 * (100,000 instances: ~140 MB) costs a noticeable part of a plan. The snapshot keeps the
 * stored bytes until then, so hold on to {@link #state()}, not to the snapshot.
 */
public final class StateSnapshot
{
    private final State state;
    private byte[] stored;
    private String sha256;

    private StateSnapshot(State state, byte[] stored)
    {
        this.state = requireNonNull(state, "state is null");
        this.stored = requireNonNull(stored, "stored is null");
    }

    public static StateSnapshot of(State state, byte[] stored)
    {
        return new StateSnapshot(state, stored.clone());
    }

    public static StateSnapshot of(State state, String storedText)
    {
        return new StateSnapshot(state, storedText.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads whose bytes nobody else holds: the snapshot takes them without a copy. */
    static StateSnapshot ofOwnedBytes(State state, byte[] stored)
    {
        return new StateSnapshot(state, stored);
    }

    public State state()
    {
        return state;
    }

    /** The lowercase hex SHA-256 of the stored bytes. */
    public synchronized String sha256()
    {
        if (sha256 == null) {
            sha256 = digest(stored);
            stored = null;
        }
        return sha256;
    }

    private static String digest(byte[] bytes)
    {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    @Override
    public boolean equals(Object other)
    {
        return other instanceof StateSnapshot snapshot && state.equals(snapshot.state) && sha256().equals(snapshot.sha256());
    }

    @Override
    public int hashCode()
    {
        return Objects.hash(state, sha256());
    }

    @Override
    public String toString()
    {
        return "StateSnapshot[state=" + state + ", sha256=" + sha256() + "]";
    }
}
