package dev.kiln.state.encryption;

import dev.kiln.state.StateException;

/** The errors of opening stored bytes, each naming the file and saying what to do. */
final class EncryptionFailures
{
    private static final String WRONG_KEY = "wrong passphrase or corrupted file";

    private EncryptionFailures() {}

    static StateException notConfigured(String source, Content content)
    {
        return StateException.error("Encrypted " + subject(content) + " without encryption configured",
                ("%s is encrypted but no encryption is configured. Add the kiln { encryption { ... } } block with the key it was encrypted with "
                        + "(and give the passphrase variable, for example with -var or KILN_VAR_state_passphrase) to read it.").formatted(source));
    }

    static StateException newerFormat(String source, String problem)
    {
        return StateException.error("Unsupported encryption format", "%s cannot be opened: %s. Upgrade Kiln to read it.".formatted(source, problem));
    }

    static StateException damagedHeader(String source, Content content, String problem)
    {
        return StateException.error("Corrupted encrypted " + subject(content),
                "%s: the encryption header is damaged: %s. %s".formatted(source, problem, content.recovery()));
    }

    static StateException otherContent(String source, Content expected, Content found)
    {
        return StateException.error("Corrupted encrypted " + subject(expected),
                "%s holds %s, not %s; it was moved or copied here from elsewhere. %s".formatted(source, found.noun(), expected.noun(), expected.recovery()));
    }

    static StateException wrongKey(String source, Content content, String keyProvider, boolean withFallback)
    {
        return StateException.error("Failed to decrypt " + subject(content),
                ("%s: %s: it was encrypted (by key_provider \"%s\") with another key than the configured one%s. Give the passphrase or key file it was "
                        + "encrypted with. To change keys, configure the new key and keep the old one in encryption { fallback { ... } } until Kiln has written "
                        + "everything again.").formatted(source, WRONG_KEY, keyProvider, withFallback ? " or its fallback" : ""));
    }

    static StateException tagMismatch(String source, Content content)
    {
        return StateException.error("Failed to decrypt " + subject(content),
                ("%s: %s: authentication tag mismatch. The key is the one it was encrypted with, so the content or its header was changed after Kiln "
                        + "wrote it. %s").formatted(source, WRONG_KEY, content.recovery()));
    }

    private static String subject(Content content)
    {
        return switch (content) {
            case STATE -> "state";
            case JOURNAL_RECORD -> "journal";
            case PLAN -> "plan file";
        };
    }
}
