package dev.kiln.lang.config.model;

import dev.kiln.lang.diag.SourceRange;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** {@code encryption {...}}: the state is encrypted with a key derived from a passphrase or read from a key file. */
public record EncryptionSettings(
        Setting<String> method,
        Optional<Setting<String>> passphrase,
        Optional<Setting<String>> keyFile,
        SourceRange range)
{
    public EncryptionSettings
    {
        requireNonNull(method, "method is null");
        requireNonNull(passphrase, "passphrase is null");
        requireNonNull(keyFile, "keyFile is null");
        requireNonNull(range, "range is null");
    }
}
