package dev.kiln.state.encryption;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A 256-bit AES key with what a header records about it: how it was derived (when it was) and
 * its key check, the first 8 bytes of HMAC-SHA256(key, "kiln key check"). The check tells a
 * wrong key from a damaged file before decrypting; it reveals nothing a passphrase guess could
 * not learn from the authentication tag anyway.
 */
record SealingKey(SecretKey key, Optional<KdfParameters> kdf, byte[] keyCheck)
{
    static final int KEY_BYTES = 32;
    private static final byte[] CHECK_LABEL = "kiln key check".getBytes(StandardCharsets.US_ASCII);

    SealingKey
    {
        requireNonNull(key, "key is null");
        requireNonNull(kdf, "kdf is null");
        requireNonNull(keyCheck, "keyCheck is null");
    }

    static SealingKey of(byte[] keyBytes, Optional<KdfParameters> kdf)
    {
        if (keyBytes.length != KEY_BYTES) {
            throw new IllegalArgumentException("an AES-256 key has 32 bytes, not " + keyBytes.length);
        }
        SecretKey key = new SecretKeySpec(keyBytes, "AES");
        return new SealingKey(key, kdf, check(key));
    }

    boolean matches(byte[] otherCheck)
    {
        return Arrays.equals(keyCheck, otherCheck);
    }

    private static byte[] check(SecretKey key)
    {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            return Arrays.copyOf(mac.doFinal(CHECK_LABEL), 8);
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is missing from this Java runtime", e);
        }
    }
}
