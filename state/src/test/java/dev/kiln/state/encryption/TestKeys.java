package dev.kiln.state.encryption;

import java.util.Optional;

/**
 * Key providers for tests. Derivation runs with few iterations here so that the tests stay
 * fast; what the iteration count changes (the cost) is measured by the benchmark, and one
 * test checks the configured default.
 */
final class TestKeys
{
    static final int FAST_ITERATIONS = 1_000;
    static final String OLD_PASSPHRASE = "old passphrase for the state";
    static final String NEW_PASSPHRASE = "new passphrase for the state";

    private TestKeys() {}

    static Pbkdf2KeyProvider passphrase(String passphrase)
    {
        return Pbkdf2KeyProvider.withIterations(passphrase, FAST_ITERATIONS);
    }

    static StateEncryption encryption(String passphrase)
    {
        return StateEncryption.of(passphrase(passphrase), Optional.empty());
    }

    static StateEncryption rotating(String newPassphrase, String oldPassphrase)
    {
        return StateEncryption.of(passphrase(newPassphrase), Optional.of(passphrase(oldPassphrase)));
    }
}
