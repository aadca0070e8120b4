package dev.kiln.lang.addr;

import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;
import dev.kiln.lang.diag.SourceRange;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Reads a resource address written by a user outside a configuration ({@code -target},
 * {@code -replace}, {@code kiln state show}): {@code type.name}, {@code type.name[2]} or
 * {@code type.name["key"]}, followed by any child segments ({@code cluster.prod.pool["a"]},
 * see {@link ChildKind}), in the canonical form {@link ResourceAddress#toString()} prints.
 */
public final class ResourceAddressParser
{
    private final String text;
    private int position;

    private ResourceAddressParser(String text)
    {
        this.text = text;
    }

    /**
     * The address, or empty with an "Invalid resource address" error whose range is named
     * {@code origin} (the option it came from, such as {@code -target}).
     */
    public static Optional<ResourceAddress> parse(String text, String origin, Diagnostics diagnostics)
    {
        requireNonNull(text, "text is null");
        requireNonNull(origin, "origin is null");
        requireNonNull(diagnostics, "diagnostics is null");
        Optional<ResourceAddress> address = new ResourceAddressParser(text).address();
        if (address.isEmpty()) {
            diagnostics.add(Diagnostic.error(
                    "Invalid resource address",
                    "The address \"" + text + "\" given to " + origin + " is not a resource address. Write the resource type and name, "
                            + "with an instance key when it has count or for_each: node.m1, node.w[2], node.zone[\"a\"]; "
                            + "a worker pool through its cluster: cluster.prod.pool[\"a\"].",
                    SourceRange.synthetic(origin)));
        }
        return address;
    }

    private Optional<ResourceAddress> address()
    {
        Optional<String> type = identifier();
        if (type.isEmpty() || !accept('.')) {
            return Optional.empty();
        }
        Optional<String> name = identifier();
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Optional<InstanceKey> key = optionalKey();
        if (key.isEmpty()) {
            return Optional.empty();
        }
        ResourceAddress address = new ResourceAddress(type.get(), name.get(), key.get());
        while (accept('.')) {
            String parentType = address.type();
            Optional<ChildKind> kind = identifier().flatMap(segment -> ChildKind.find(parentType, segment));
            if (kind.isEmpty()) {
                return Optional.empty();
            }
            Optional<InstanceKey> childKey = optionalKey();
            if (childKey.isEmpty() || kind.get().keyed() == childKey.get().equals(InstanceKey.NONE)) {
                return Optional.empty();
            }
            address = address.child(kind.get(), childKey.get());
        }
        return position == text.length() ? Optional.of(address) : Optional.empty();
    }

    /** A bracketed key, {@link InstanceKey#NONE} when none is written, empty when a written one is malformed. */
    private Optional<InstanceKey> optionalKey()
    {
        if (!accept('[')) {
            return Optional.of(InstanceKey.NONE);
        }
        Optional<InstanceKey> parsed = peek() == '"' ? stringKey() : indexKey();
        if (parsed.isEmpty() || !accept(']')) {
            return Optional.empty();
        }
        return parsed;
    }

    private Optional<String> identifier()
    {
        int start = position;
        while (position < text.length()) {
            char character = text.charAt(position);
            boolean allowed = Character.isLetter(character) || character == '_'
                    || (position > start && (Character.isDigit(character) || character == '-'));
            if (!allowed) {
                break;
            }
            position++;
        }
        return position > start ? Optional.of(text.substring(start, position)) : Optional.empty();
    }

    private Optional<InstanceKey> indexKey()
    {
        int start = position;
        while (position < text.length() && Character.isDigit(text.charAt(position))) {
            position++;
        }
        if (position == start || position - start > 9) {
            return Optional.empty();
        }
        return Optional.of(new InstanceKey.Index(Integer.parseInt(text.substring(start, position))));
    }

    private Optional<InstanceKey> stringKey()
    {
        position++;
        StringBuilder value = new StringBuilder();
        while (position < text.length()) {
            char character = text.charAt(position++);
            if (character == '"') {
                return Optional.of(new InstanceKey.Key(value.toString()));
            }
            if (character == '\\') {
                if (position == text.length()) {
                    return Optional.empty();
                }
                character = text.charAt(position++);
                if (character != '"' && character != '\\') {
                    return Optional.empty();
                }
            }
            value.append(character);
        }
        return Optional.empty();
    }

    private char peek()
    {
        return position < text.length() ? text.charAt(position) : '\0';
    }

    private boolean accept(char expected)
    {
        if (peek() == expected && position < text.length()) {
            position++;
            return true;
        }
        return false;
    }
}
