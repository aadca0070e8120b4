package dev.kiln.state.blob;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A SHA-256 digest fed as bytes stream past. */
final class Sha256
{
    private final MessageDigest digest;

    Sha256()
    {
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    void update(byte[] bytes, int offset, int length)
    {
        digest.update(bytes, offset, length);
    }

    String hex()
    {
        return HexFormat.of().formatHex(digest.digest());
    }
}
