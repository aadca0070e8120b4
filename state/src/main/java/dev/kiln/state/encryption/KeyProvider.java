package dev.kiln.state.encryption;

import java.util.Optional;

/**
 * Where an encryption key comes from: derived from a passphrase ({@link Pbkdf2KeyProvider}) or
 * read from a key file ({@link KeyFileProvider}). Its {@link #id()} is written in every envelope
 * it seals, so a reader knows which provider can open it.
 */
public abstract sealed class KeyProvider
        permits Pbkdf2KeyProvider, KeyFileProvider
{
    /** The provider's name in configurations and envelopes: {@code pbkdf2}, {@code key_file}. */
    public abstract String id();

    /** The key this process seals with (derived once, then reused). */
    abstract SealingKey sealingKey();

    /** The key that opens an envelope sealed by this provider with these derivation parameters (empty: the parameters are not of this provider's kind). */
    abstract Optional<SealingKey> openingKey(Optional<KdfParameters> kdf);
}
