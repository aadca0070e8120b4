package dev.kiln.state.encryption;

/** Which key opened stored bytes: none (they were plaintext), the primary key, or the fallback key. */
public enum KeyUse
{
    PLAINTEXT,
    PRIMARY,
    FALLBACK;

    /** Whether bytes opened this way should be written again, sealed with the primary key (migration or rotation). */
    public boolean needsResealing(boolean encryptionEnabled)
    {
        return encryptionEnabled && this != PRIMARY;
    }
}
