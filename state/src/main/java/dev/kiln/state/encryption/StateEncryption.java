package dev.kiln.state.encryption;

import dev.kiln.state.StateException;

import javax.crypto.AEADBadTagException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * How Kiln protects what it writes at rest: {@link #none()}, or AES-256-GCM with a primary key
 * and an optional fallback key. {@link #seal} encrypts with the primary key (a random nonce per
 * call); {@link #open} reads plaintext as it is (a file from before encryption was configured:
 * the next write encrypts it), and an envelope with the primary key or else the fallback, so a
 * key is rotated by making the old one the fallback until everything was written again.
 * Every failure is a {@link StateException} that names the file and says what to do — never
 * its content, never a key.
 */
public final class StateEncryption
{
    private static final StateEncryption NONE = new StateEncryption(Optional.empty(), Optional.empty());

    private final Optional<KeyProvider> primary;
    private final Optional<KeyProvider> fallback;

    private StateEncryption(Optional<KeyProvider> primary, Optional<KeyProvider> fallback)
    {
        this.primary = primary;
        this.fallback = fallback;
    }

    /** No encryption: bytes are written as they are, and an encrypted file is an error. */
    public static StateEncryption none()
    {
        return NONE;
    }

    public static StateEncryption of(KeyProvider primary, Optional<KeyProvider> fallback)
    {
        return new StateEncryption(Optional.of(requireNonNull(primary, "primary is null")), requireNonNull(fallback, "fallback is null"));
    }

    public boolean enabled()
    {
        return primary.isPresent();
    }

    /** Whether {@code stored} is an envelope (rather than plaintext). */
    public static boolean isSealed(byte[] stored)
    {
        return Envelope.isEnvelope(requireNonNull(stored, "stored is null"));
    }

    /** {@code plaintext} sealed into one line (no line end) with the primary key; unchanged without encryption. */
    public byte[] seal(byte[] plaintext, Content content)
    {
        requireNonNull(plaintext, "plaintext is null");
        requireNonNull(content, "content is null");
        if (primary.isEmpty()) {
            return plaintext;
        }
        SealingKey key = primary.get().sealingKey();
        byte[] nonce = AesGcm.newNonce();
        Envelope header = new Envelope(content, AesGcm.METHOD, primary.get().id(), key.kdf(), key.keyCheck(), nonce, new byte[0]);
        byte[] ciphertext = AesGcm.encrypt(key.key(), nonce, header.additionalData(), plaintext);
        return new Envelope(content, AesGcm.METHOD, primary.get().id(), key.kdf(), key.keyCheck(), nonce, ciphertext).toBytes();
    }

    /** The plaintext of {@code stored}, which {@code source} (a path or URL) names in messages, and the key that opened it. */
    public Opened open(byte[] stored, Content content, String source)
    {
        requireNonNull(stored, "stored is null");
        requireNonNull(content, "content is null");
        requireNonNull(source, "source is null");
        if (!Envelope.isEnvelope(stored)) {
            return new Opened(stored, KeyUse.PLAINTEXT);
        }
        if (primary.isEmpty()) {
            throw EncryptionFailures.notConfigured(source, content);
        }
        Envelope envelope;
        try {
            envelope = Envelope.parse(stored);
        }
        catch (EnvelopeException.UnsupportedVersion e) {
            throw EncryptionFailures.newerFormat(source, e.getMessage());
        }
        catch (EnvelopeException e) {
            throw EncryptionFailures.damagedHeader(source, content, e.getMessage());
        }
        check(envelope, content, source);
        List<Candidate> candidates = new ArrayList<>();
        candidates.add(new Candidate(primary.get(), KeyUse.PRIMARY));
        fallback.ifPresent(provider -> candidates.add(new Candidate(provider, KeyUse.FALLBACK)));
        for (Candidate candidate : candidates) {
            if (!candidate.provider().id().equals(envelope.keyProvider())) {
                continue;
            }
            Optional<SealingKey> key = candidate.provider().openingKey(envelope.kdf()).filter(opening -> opening.matches(envelope.keyCheck()));
            if (key.isPresent()) {
                try {
                    return new Opened(AesGcm.decrypt(key.get().key(), envelope.nonce(), envelope.additionalData(), envelope.ciphertext()), candidate.use());
                }
                catch (AEADBadTagException e) {
                    throw EncryptionFailures.tagMismatch(source, content);
                }
            }
        }
        throw EncryptionFailures.wrongKey(source, content, envelope.keyProvider(), fallback.isPresent());
    }

    private static void check(Envelope envelope, Content content, String source)
    {
        if (envelope.content() != content) {
            throw EncryptionFailures.otherContent(source, content, envelope.content());
        }
        if (!envelope.method().equals(AesGcm.METHOD)) {
            throw EncryptionFailures.damagedHeader(source, content, "the method \"" + envelope.method() + "\" is not one Kiln encrypts with (\"" + AesGcm.METHOD + "\")");
        }
        if (envelope.nonce().length != AesGcm.NONCE_BYTES) {
            throw EncryptionFailures.damagedHeader(source, content, "the nonce has " + envelope.nonce().length + " bytes instead of " + AesGcm.NONCE_BYTES);
        }
    }

    private record Candidate(KeyProvider provider, KeyUse use) {}

    @Override
    public String toString()
    {
        return primary.map(provider -> "StateEncryption[" + provider.id() + fallback.map(other -> ", fallback " + other.id()).orElse("") + "]")
                .orElse("StateEncryption[none]");
    }
}
