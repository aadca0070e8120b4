package dev.kiln.state.blob;

import static java.util.Objects.requireNonNull;

/** The rules for blob keys, the same for every store. */
public final class BlobKeys
{
    private BlobKeys() {}

    /**
     * Returns {@code key} when it is a usable key: not empty, relative, segments separated by
     * single {@code /}, no {@code .} or {@code ..} segment, no backslash or control character.
     */
    public static String check(String key)
    {
        requireNonNull(key, "key is null");
        if (key.isEmpty() || key.startsWith("/") || key.endsWith("/") || key.contains("//") || key.contains("\\")) {
            throw new IllegalArgumentException("not a blob key: \"" + key + "\"");
        }
        for (String segment : key.split("/")) {
            if (segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("not a blob key: \"" + key + "\"");
            }
        }
        if (key.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("not a blob key: control character in \"" + key + "\"");
        }
        return key;
    }

    /** A listing prefix: empty, or text a key could start with (no {@code ..} segment, not absolute). */
    public static String checkPrefix(String prefix)
    {
        requireNonNull(prefix, "prefix is null");
        if (prefix.startsWith("/") || prefix.contains("..") || prefix.contains("\\")) {
            throw new IllegalArgumentException("not a blob key prefix: \"" + prefix + "\"");
        }
        return prefix;
    }
}
