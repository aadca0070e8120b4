package dev.kiln.executors.ssh;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Masks every secret the transport knows (passwords, passphrases, key text, tokens callers add)
 * in text bound for a log or an error. Key text is masked whole and line by line, so a single
 * base64 line of a key is masked too. Strings shorter than {@value #MINIMUM_LENGTH} characters
 * are not masked: they would blank out ordinary words.
 */
final class SecretRedactor
{
    static final String MASK = "(sensitive value)";
    static final int MINIMUM_LENGTH = 4;

    private final Object lock = new Object();
    private volatile List<String> secrets = List.of();

    void add(String secret)
    {
        addAll(List.of(secret));
    }

    void addAll(Collection<String> values)
    {
        synchronized (lock) {
            Set<String> updated = new LinkedHashSet<>(secrets);
            for (String value : values) {
                addParts(value, updated);
            }
            if (updated.size() != secrets.size()) {
                // longest first, so a secret containing another is masked whole
                secrets = updated.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
            }
        }
    }

    String redact(String text)
    {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (String secret : secrets) {
            if (result.contains(secret)) {
                result = result.replace(secret, MASK);
            }
        }
        return result;
    }

    List<String> redact(List<String> lines)
    {
        return lines.stream().map(this::redact).toList();
    }

    private static void addParts(String value, Set<String> into)
    {
        if (value == null) {
            return;
        }
        String trimmed = value.strip();
        if (trimmed.length() >= MINIMUM_LENGTH) {
            into.add(trimmed);
        }
        if (trimmed.contains("\n")) {
            for (String line : trimmed.split("\r?\n")) {
                String part = line.strip();
                if (part.length() >= MINIMUM_LENGTH && !part.startsWith("-----")) {
                    into.add(part);
                }
            }
        }
    }
}
