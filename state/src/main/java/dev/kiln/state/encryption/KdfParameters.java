package dev.kiln.state.encryption;

import static java.util.Objects.requireNonNull;

/** How a key was derived from a passphrase, as an envelope's header records it: the function, its iteration count and the salt. */
record KdfParameters(String function, int iterations, byte[] salt)
{
    KdfParameters
    {
        requireNonNull(function, "function is null");
        requireNonNull(salt, "salt is null");
    }
}
