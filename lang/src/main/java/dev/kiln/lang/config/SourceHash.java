package dev.kiln.lang.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;

/** The SHA-256 of a configuration's files: names and contents, in name order, each length-prefixed. */
final class SourceHash
{
    private SourceHash() {}

    static String of(SortedMap<String, String> files)
    {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException exception) {
            throw new IllegalStateException("SHA-256 is not available", exception);
        }
        for (Map.Entry<String, String> file : files.entrySet()) {
            update(digest, file.getKey().getBytes(StandardCharsets.UTF_8));
            update(digest, file.getValue().getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void update(MessageDigest digest, byte[] bytes)
    {
        digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        digest.update(bytes);
    }
}
