package dev.kiln.state.encryption;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;

/** AES-256-GCM with a random 96-bit nonce per message and a 128-bit tag: the one method Kiln encrypts with. */
final class AesGcm
{
    static final String METHOD = "aes_gcm";
    static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private AesGcm() {}

    static byte[] newNonce()
    {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        return nonce;
    }

    static byte[] encrypt(SecretKey key, byte[] nonce, byte[] additionalData, byte[] plaintext)
    {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(additionalData);
            return cipher.doFinal(plaintext);
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed to encrypt", e);
        }
    }

    /** The plaintext, or {@link AEADBadTagException} when the ciphertext, the header or the key is not the one sealed. */
    static byte[] decrypt(SecretKey key, byte[] nonce, byte[] additionalData, byte[] ciphertext)
            throws AEADBadTagException
    {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(additionalData);
            return cipher.doFinal(ciphertext);
        }
        catch (AEADBadTagException e) {
            throw e;
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed to decrypt", e);
        }
    }
}
