package dev.kiln.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The JSON dialect of every file the state module writes: keys sorted at every level, exact
 * decimals, duplicate keys refused on read; {@link #pretty} for documents (2-space indent,
 * trailing newline), {@link #compact} for one-line records.
 */
public final class StateJson
{
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();
    private static final ObjectWriter PRETTY = MAPPER.writer(new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));
    private static final ObjectWriter COMPACT = MAPPER.writer();

    /**
     * Set while {@link StateDocument#read} builds records from a tree the codec parsed itself
     * and that nobody else holds: those records may keep the parsed nodes instead of copying
     * them (a 100,000-instance state would otherwise be held twice while it is read, and the
     * copy is most of the cost of reading it). See {@link #owned}.
     */
    private static final ThreadLocal<Boolean> ADOPTING_PARSED = ThreadLocal.withInitial(() -> false);

    private StateJson() {}

    /** Runs {@code reading} with {@link #owned} adopting the nodes it is given, on this thread only. */
    static <T> T adoptingParsed(DocumentRead<T> reading)
            throws MalformedDocumentException
    {
        boolean outer = ADOPTING_PARSED.get();
        ADOPTING_PARSED.set(true);
        try {
            return reading.read();
        }
        finally {
            ADOPTING_PARSED.set(outer);
        }
    }

    @FunctionalInterface
    interface DocumentRead<T>
    {
        T read()
                throws MalformedDocumentException;
    }

    /**
     * The node a record keeps: a {@link #sortedCopy}, independent of the caller's node, or
     * while a freshly parsed document is read ({@link #adoptingParsed}) the node itself when
     * its keys are already in order, as they are in every document Kiln wrote.
     */
    static JsonNode owned(JsonNode node)
    {
        return ADOPTING_PARSED.get() ? sorted(node) : sortedCopy(node);
    }

    public static ObjectNode object()
    {
        return JsonNodeFactory.instance.objectNode();
    }

    public static ArrayNode array()
    {
        return JsonNodeFactory.instance.arrayNode();
    }

    /** Canonical document form: sorted keys, 2-space indent, {@code \n} line ends, trailing newline. */
    public static String pretty(JsonNode node)
    {
        return write(PRETTY, sorted(node)) + "\n";
    }

    /** Canonical one-line form, without a newline. */
    public static String compact(JsonNode node)
    {
        return write(COMPACT, sorted(node));
    }

    /**
     * A copy whose objects list their keys in ascending order, at every depth. Scalars are
     * immutable and shared; objects and arrays are new, so the copy is independent of the input.
     */
    public static JsonNode sortedCopy(JsonNode node)
    {
        requireNonNull(node, "node is null");
        if (node instanceof ObjectNode object) {
            ObjectNode copy = object();
            for (String name : sortedNames(object)) {
                copy.set(name, sortedCopy(object.get(name)));
            }
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = array();
            array.forEach(element -> copy.add(sortedCopy(element)));
            return copy;
        }
        return node;
    }

    /** {@code node} itself when its keys are already in order everywhere, a {@link #sortedCopy} otherwise. */
    static JsonNode sorted(JsonNode node)
    {
        return isSorted(requireNonNull(node, "node is null")) ? node : sortedCopy(node);
    }

    private static boolean isSorted(JsonNode node)
    {
        if (node instanceof ObjectNode object) {
            String previous = null;
            for (Map.Entry<String, JsonNode> property : object.properties()) {
                if (previous != null && previous.compareTo(property.getKey()) >= 0 || !isSorted(property.getValue())) {
                    return false;
                }
                previous = property.getKey();
            }
            return true;
        }
        if (node instanceof ArrayNode array) {
            for (JsonNode element : array) {
                if (!isSorted(element)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static List<String> sortedNames(ObjectNode object)
    {
        List<String> names = new ArrayList<>(object.size());
        object.fieldNames().forEachRemaining(names::add);
        for (int i = 1; i < names.size(); i++) {
            if (names.get(i - 1).compareTo(names.get(i)) > 0) {
                Collections.sort(names);
                break;
            }
        }
        return names;
    }

    /** Parses JSON text; the exception's location names line and column, never the content. */
    public static JsonNode parse(String text)
            throws JsonProcessingException
    {
        return MAPPER.readTree(requireNonNull(text, "text is null"));
    }

    public static ArrayNode paths(List<AttributePath> paths)
    {
        ArrayNode array = array();
        for (AttributePath path : paths) {
            ArrayNode steps = array.addArray();
            for (PathStep step : path.steps()) {
                ObjectNode object = steps.addObject();
                switch (step) {
                    case PathStep.Attribute attribute -> object.put("attribute", attribute.name());
                    case PathStep.Index index -> object.put("index", index.value());
                    case PathStep.Key key -> object.put("key", key.value());
                }
            }
        }
        return array;
    }

    private static String write(ObjectWriter writer, JsonNode node)
    {
        requireNonNull(node, "node is null");
        try {
            return writer.writeValueAsString(node);
        }
        catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
