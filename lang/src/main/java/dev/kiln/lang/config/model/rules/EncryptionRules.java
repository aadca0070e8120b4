package dev.kiln.lang.config.model.rules;

import dev.kiln.lang.config.model.EncryptionSettings;
import dev.kiln.lang.diag.Diagnostics;

import static java.util.Objects.requireNonNull;

/** The checks of {@code kiln { encryption }} on their own, for when the block is read before the rest of the configuration. */
public final class EncryptionRules
{
    private EncryptionRules() {}

    public static void check(EncryptionSettings encryption, Diagnostics diagnostics)
    {
        KilnSettingsRule.checkEncryption(requireNonNull(encryption, "encryption is null"), requireNonNull(diagnostics, "diagnostics is null"));
    }
}
