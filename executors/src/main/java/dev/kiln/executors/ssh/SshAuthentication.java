package dev.kiln.executors.ssh;

import java.nio.file.Path;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One way to log in; a host may list several, tried in order. Passwords, passphrases and key
 * text are secrets: they are masked wherever the transport writes or throws.
 */
public sealed interface SshAuthentication
{
    /** A private key given as text (OpenSSH or PEM form), encrypted with {@code passphrase} when present. */
    record PrivateKey(String keyText, Optional<String> passphrase)
            implements SshAuthentication
    {
        public PrivateKey
        {
            requireNonNull(keyText, "keyText is null");
            requireNonNull(passphrase, "passphrase is null");
        }

        @Override
        public String toString()
        {
            return "PrivateKey[(sensitive value)]";
        }
    }

    /** A private key in a file, encrypted with {@code passphrase} when present. */
    record PrivateKeyFile(Path file, Optional<String> passphrase)
            implements SshAuthentication
    {
        public PrivateKeyFile
        {
            requireNonNull(file, "file is null");
            requireNonNull(passphrase, "passphrase is null");
        }

        @Override
        public String toString()
        {
            return "PrivateKeyFile[" + file + "]";
        }
    }

    /** Password authentication. */
    record Password(String password)
            implements SshAuthentication
    {
        public Password
        {
            requireNonNull(password, "password is null");
        }

        @Override
        public String toString()
        {
            return "Password[(sensitive value)]";
        }
    }
}
