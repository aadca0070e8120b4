package dev.kiln.lang.config.model;

import dev.kiln.lang.config.schema.DecodedBlock;
import dev.kiln.lang.diag.Diagnostics;
import dev.kiln.lang.diag.SourceRange;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code encryption {...}} (or its {@code fallback {...}}): state, journal and saved plans are
 * encrypted with a key derived from a passphrase ({@code key_provider "pbkdf2"}, or the
 * {@code passphrase} shorthand) or read from a key file ({@code key_provider "key_file"}, or
 * {@code key_file}). {@code fallback} is the previous key while rotating; a fallback has none.
 */
public record EncryptionSettings(
        Setting<String> method,
        Optional<Setting<String>> passphrase,
        Optional<Setting<String>> keyFile,
        Optional<EncryptionSettings> fallback,
        SourceRange range)
{
    public EncryptionSettings
    {
        requireNonNull(method, "method is null");
        requireNonNull(passphrase, "passphrase is null");
        requireNonNull(keyFile, "keyFile is null");
        requireNonNull(fallback, "fallback is null");
        requireNonNull(range, "range is null");
    }

    /** The settings of a decoded {@code encryption} block, its problems reported to {@code diagnostics}. */
    public static EncryptionSettings from(DecodedBlock block, Diagnostics diagnostics)
    {
        return KilnSettingsBuilder.encryption(requireNonNull(block, "block is null"), requireNonNull(diagnostics, "diagnostics is null"));
    }
}
