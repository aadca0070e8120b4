package dev.kiln.state;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.addr.ResourceAddressParser;
import dev.kiln.lang.diag.Diagnostics;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * Typed access to one JSON object of a state, lock or journal document; every problem is a
 * {@link MalformedDocumentException} naming the field's path.
 */
public final class DocumentReader
{
    private final JsonNode node;
    private final String where;

    private DocumentReader(JsonNode node, String where)
    {
        this.node = node;
        this.where = where;
    }

    public static DocumentReader root(JsonNode node)
            throws MalformedDocumentException
    {
        requireNonNull(node, "node is null");
        if (!node.isObject()) {
            throw new MalformedDocumentException("(document)", "expected a JSON object");
        }
        return new DocumentReader(node, "");
    }

    public boolean has(String field)
    {
        return node.hasNonNull(field);
    }

    /** The field's value, which may be JSON {@code null} but must be present. */
    public JsonNode any(String field)
            throws MalformedDocumentException
    {
        JsonNode value = node.get(field);
        if (value == null) {
            throw new MalformedDocumentException(path(field), "missing");
        }
        return value;
    }

    public DocumentReader object(String field)
            throws MalformedDocumentException
    {
        JsonNode value = any(field);
        if (!value.isObject()) {
            throw new MalformedDocumentException(path(field), "expected an object");
        }
        return new DocumentReader(value, path(field));
    }

    public List<DocumentReader> objects(String field)
            throws MalformedDocumentException
    {
        JsonNode value = array(field);
        List<DocumentReader> result = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            String itemPath = path(field) + "[" + i + "]";
            if (!value.get(i).isObject()) {
                throw new MalformedDocumentException(itemPath, "expected an object");
            }
            result.add(new DocumentReader(value.get(i), itemPath));
        }
        return result;
    }

    /** The members of an object field, in document order. */
    public Map<String, DocumentReader> members(String field)
            throws MalformedDocumentException
    {
        DocumentReader object = object(field);
        Map<String, DocumentReader> result = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : object.node.properties()) {
            String memberPath = object.where + "[\"" + entry.getKey() + "\"]";
            if (!entry.getValue().isObject()) {
                throw new MalformedDocumentException(memberPath, "expected an object");
            }
            result.put(entry.getKey(), new DocumentReader(entry.getValue(), memberPath));
        }
        return result;
    }

    public String text(String field)
            throws MalformedDocumentException
    {
        JsonNode value = any(field);
        if (!value.isTextual()) {
            throw new MalformedDocumentException(path(field), "expected a string");
        }
        return value.textValue();
    }

    public long naturalNumber(String field)
            throws MalformedDocumentException
    {
        JsonNode value = any(field);
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
            throw new MalformedDocumentException(path(field), "expected a whole number of at least 0");
        }
        return value.longValue();
    }

    public boolean bool(String field)
            throws MalformedDocumentException
    {
        JsonNode value = any(field);
        if (!value.isBoolean()) {
            throw new MalformedDocumentException(path(field), "expected true or false");
        }
        return value.booleanValue();
    }

    public UUID uuid(String field)
            throws MalformedDocumentException
    {
        String text = text(field);
        try {
            return UUID.fromString(text);
        }
        catch (IllegalArgumentException e) {
            throw new MalformedDocumentException(path(field), "\"" + text + "\" is not a UUID");
        }
    }

    public Instant instant(String field)
            throws MalformedDocumentException
    {
        String text = text(field);
        try {
            return utc(text);
        }
        catch (DateTimeException e) {
            throw new MalformedDocumentException(path(field), "\"" + text + "\" is not an ISO-8601 UTC time");
        }
    }

    /**
     * An ISO-8601 UTC time as {@link Instant#toString()} writes it ({@code 2026-11-21T10:05:30.250Z}),
     * read without the general formatter (a large state holds two per instance, and the
     * formatter was a few percent of reading one); any other form goes through {@link Instant#parse}.
     */
    static Instant utc(String text)
    {
        int length = text.length();
        if (length < 20 || length > 30 || text.charAt(length - 1) != 'Z' || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || (length > 20 && (text.charAt(19) != '.' || length == 21))) {
            return Instant.parse(text);
        }
        int nanos = 0;
        for (int index = 20; index < length - 1; index++) {
            nanos = nanos * 10 + digit(text, index);
        }
        for (int digits = length - 21; digits < 9 && length > 20; digits++) {
            nanos *= 10;
        }
        LocalDateTime time = LocalDateTime.of(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10),
                number(text, 11, 13), number(text, 14, 16), number(text, 17, 19), nanos);
        return time.toInstant(ZoneOffset.UTC);
    }

    private static int number(String text, int start, int end)
    {
        int value = 0;
        for (int index = start; index < end; index++) {
            value = value * 10 + digit(text, index);
        }
        return value;
    }

    private static int digit(String text, int index)
    {
        char character = text.charAt(index);
        if (character < '0' || character > '9') {
            throw new DateTimeParseException("not a digit", text, index);
        }
        return character - '0';
    }

    public ResourceAddress address(String field)
            throws MalformedDocumentException
    {
        return address(text(field), path(field));
    }

    public List<ResourceAddress> addresses(String field)
            throws MalformedDocumentException
    {
        JsonNode value = array(field);
        List<ResourceAddress> result = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            String itemPath = path(field) + "[" + i + "]";
            if (!value.get(i).isTextual()) {
                throw new MalformedDocumentException(itemPath, "expected a resource address string");
            }
            result.add(address(value.get(i).textValue(), itemPath));
        }
        return result;
    }

    public List<AttributePath> paths(String field)
            throws MalformedDocumentException
    {
        JsonNode value = array(field);
        List<AttributePath> result = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            String pathPath = path(field) + "[" + i + "]";
            JsonNode steps = value.get(i);
            if (!steps.isArray() || steps.isEmpty()) {
                throw new MalformedDocumentException(pathPath, "expected a non-empty list of path steps");
            }
            List<PathStep> parsed = new ArrayList<>();
            for (int j = 0; j < steps.size(); j++) {
                parsed.add(step(steps.get(j), pathPath + "[" + j + "]"));
            }
            result.add(new AttributePath(parsed));
        }
        return result;
    }

    public Optional<String> optionalText(String field)
            throws MalformedDocumentException
    {
        return has(field) ? Optional.of(text(field)) : Optional.empty();
    }

    private JsonNode array(String field)
            throws MalformedDocumentException
    {
        JsonNode value = any(field);
        if (!value.isArray()) {
            throw new MalformedDocumentException(path(field), "expected a list");
        }
        return value;
    }

    private static PathStep step(JsonNode step, String where)
            throws MalformedDocumentException
    {
        if (step.isObject() && step.size() == 1) {
            if (step.path("attribute").isTextual() && !step.get("attribute").textValue().isEmpty()) {
                return new PathStep.Attribute(step.get("attribute").textValue());
            }
            if (step.path("index").isIntegralNumber() && step.get("index").canConvertToLong() && step.get("index").longValue() >= 0) {
                return new PathStep.Index(step.get("index").longValue());
            }
            if (step.path("key").isTextual()) {
                return new PathStep.Key(step.get("key").textValue());
            }
        }
        throw new MalformedDocumentException(where, "expected {\"attribute\": NAME}, {\"index\": N} or {\"key\": KEY}");
    }

    private static ResourceAddress address(String text, String where)
            throws MalformedDocumentException
    {
        Optional<ResourceAddress> address = ResourceAddressParser.parse(text, where, new Diagnostics());
        if (address.isEmpty()) {
            throw new MalformedDocumentException(where, "\"" + text + "\" is not a resource address");
        }
        return address.get();
    }

    private String path(String field)
    {
        return where.isEmpty() ? field : where + "." + field;
    }
}
