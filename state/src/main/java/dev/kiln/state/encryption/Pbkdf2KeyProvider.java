package dev.kiln.state.encryption;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static java.util.Objects.requireNonNull;

/**
 * A key derived from a passphrase with PBKDF2-HMAC-SHA512 ({@value #DEFAULT_ITERATIONS}
 * iterations, a 16-byte random salt). A derivation costs about half a second on purpose, so
 * each one is done once per process: this process seals with one key under a salt chosen at
 * its first write, and every key derived to open an envelope is kept by salt, so a journal of
 * thousands of records written by one run costs one derivation to read.
 */
public final class Pbkdf2KeyProvider
        extends KeyProvider
{
    public static final String ID = "pbkdf2";
    public static final int DEFAULT_ITERATIONS = 600_000;
    static final String FUNCTION = "pbkdf2_hmac_sha512";
    /** Headers asking for more iterations than this are refused rather than tying up the process. */
    static final int MAXIMUM_ITERATIONS = 50_000_000;
    private static final int SALT_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final char[] passphrase;
    private final int iterations;
    private final Map<String, SealingKey> derived = new ConcurrentHashMap<>();
    private volatile SealingKey sealing;

    public Pbkdf2KeyProvider(String passphrase)
    {
        this(passphrase, DEFAULT_ITERATIONS);
    }

    private Pbkdf2KeyProvider(String passphrase, int iterations)
    {
        requireNonNull(passphrase, "passphrase is null");
        if (passphrase.isEmpty()) {
            throw new IllegalArgumentException("the passphrase is empty");
        }
        this.passphrase = passphrase.toCharArray();
        this.iterations = iterations;
    }

    /** A provider that seals with fewer iterations than the configuration's: for tests and benchmarks only. */
    public static Pbkdf2KeyProvider withIterations(String passphrase, int iterations)
    {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive: " + iterations);
        }
        return new Pbkdf2KeyProvider(passphrase, iterations);
    }

    @Override
    public String id()
    {
        return ID;
    }

    @Override
    SealingKey sealingKey()
    {
        SealingKey key = sealing;
        if (key == null) {
            synchronized (this) {
                if (sealing == null) {
                    byte[] salt = new byte[SALT_BYTES];
                    RANDOM.nextBytes(salt);
                    sealing = derive(new KdfParameters(FUNCTION, iterations, salt));
                }
                key = sealing;
            }
        }
        return key;
    }

    @Override
    Optional<SealingKey> openingKey(Optional<KdfParameters> kdf)
    {
        if (kdf.isEmpty() || !kdf.get().function().equals(FUNCTION)) {
            return Optional.empty();
        }
        KdfParameters parameters = kdf.get();
        SealingKey own = sealing;
        if (own != null && own.kdf().orElseThrow().iterations() == parameters.iterations() && Arrays.equals(own.kdf().orElseThrow().salt(), parameters.salt())) {
            return Optional.of(own);
        }
        String cacheKey = parameters.iterations() + ":" + Base64.getEncoder().encodeToString(parameters.salt());
        return Optional.of(derived.computeIfAbsent(cacheKey, ignored -> derive(parameters)));
    }

    private SealingKey derive(KdfParameters parameters)
    {
        PBEKeySpec specification = new PBEKeySpec(passphrase, parameters.salt(), parameters.iterations(), SealingKey.KEY_BYTES * 8);
        try {
            byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(specification).getEncoded();
            try {
                return SealingKey.of(key, Optional.of(parameters));
            }
            finally {
                Arrays.fill(key, (byte) 0);
            }
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2-HMAC-SHA512 is missing from this Java runtime", e);
        }
        finally {
            specification.clearPassword();
        }
    }

    @Override
    public String toString()
    {
        return "Pbkdf2KeyProvider[iterations=" + iterations + "]";
    }
}
