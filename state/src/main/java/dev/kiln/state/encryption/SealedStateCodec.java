package dev.kiln.state.encryption;

import dev.kiln.state.State;
import dev.kiln.state.StateCodec;
import dev.kiln.state.StateException;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The bytes a backend stores for a state: {@link StateCodec}'s canonical JSON, sealed by the
 * configured {@link StateEncryption} when there is one. Every backend (local file, S3 object,
 * {@code errored.kiln.state}) reads and writes states through this one class, so encryption
 * is the same wherever a state goes.
 */
public final class SealedStateCodec
{
    private static final SealedStateCodec PLAINTEXT = new SealedStateCodec(StateEncryption.none());

    private final StateEncryption encryption;

    public SealedStateCodec(StateEncryption encryption)
    {
        this.encryption = requireNonNull(encryption, "encryption is null");
    }

    public static SealedStateCodec plaintext()
    {
        return PLAINTEXT;
    }

    public StateEncryption encryption()
    {
        return encryption;
    }

    public byte[] encode(State state)
    {
        requireNonNull(state, "state is null");
        return seal(StateCodec.standard().encode(state).getBytes(StandardCharsets.UTF_8));
    }

    /** The state in {@code stored}; {@code source} names the file or object in messages. */
    public DecodedState decode(byte[] stored, String source)
    {
        Opened opened = encryption.open(stored, Content.STATE, source);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(opened.plaintext())).toString();
        }
        catch (CharacterCodingException e) {
            throw StateException.error("Corrupted state file", source + " is not UTF-8 text. Restore the previous version from the backup or the history.");
        }
        return new DecodedState(StateCodec.standard().decode(text, source), opened.keyUse());
    }

    /**
     * {@code stored} sealed with the primary key when it is plaintext or sealed with the
     * fallback key (the same state, byte for byte, inside); empty when it needs nothing.
     */
    public Optional<byte[]> resealed(byte[] stored, String source)
    {
        Opened opened = encryption.open(stored, Content.STATE, source);
        if (!opened.keyUse().needsResealing(encryption.enabled())) {
            return Optional.empty();
        }
        return Optional.of(seal(opened.plaintext()));
    }

    private byte[] seal(byte[] plaintext)
    {
        if (!encryption.enabled()) {
            return plaintext;
        }
        byte[] sealed = encryption.seal(plaintext, Content.STATE);
        byte[] withLineEnd = Arrays.copyOf(sealed, sealed.length + 1);
        withLineEnd[sealed.length] = '\n';
        return withLineEnd;
    }
}
