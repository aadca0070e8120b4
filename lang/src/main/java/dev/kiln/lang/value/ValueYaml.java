package dev.kiln.lang.value;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Values to and from YAML, as Terraform's {@code yamlencode}/{@code yamldecode} do it:
 * block style, every string double-quoted, map keys sorted; decoding types mappings as
 * objects, sequences as tuples and numbers exactly. One document only.
 */
public final class ValueYaml
{
    private static final int INDENT = 2;
    private static final ObjectMapper MAPPER = YAMLMapper.builder()
            .nodeFactory(ValueJson.NODES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private ValueYaml() {}

    /** The value as a YAML document ending in a newline. Every part must be known. */
    public static String encode(Value value)
    {
        requireNonNull(value, "value is null");
        StringBuilder result = new StringBuilder();
        if (isBlock(value)) {
            block(value, 0, result);
        }
        else {
            result.append(scalar(value)).append('\n');
        }
        return result.toString();
    }

    /** A YAML document as a value; an empty document is {@code null}. Anchors and aliases are resolved. */
    public static Value decode(String yaml)
            throws ValueJson.DecodeException
    {
        requireNonNull(yaml, "yaml is null");
        try (JsonParser parser = MAPPER.getFactory().createParser(yaml)) {
            if (parser.nextToken() == null) {
                return Value.nullOf(Type.DYNAMIC);
            }
            JsonNode document = read(parser, new HashMap<>());
            if (parser.nextToken() != null) {
                throw new ValueJson.DecodeException("invalid YAML: only one document is supported, but the text holds more than one");
            }
            return ValueJson.fromJson(document);
        }
        catch (JsonProcessingException e) {
            throw new ValueJson.DecodeException("invalid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"));
        }
        catch (IOException | NumberFormatException e) {
            throw new ValueJson.DecodeException("invalid YAML: " + e.getMessage());
        }
    }

    /** The node starting at the parser's current token, with aliases replaced by the nodes their anchors name. */
    private static JsonNode read(JsonParser parser, Map<String, JsonNode> anchors)
            throws IOException, ValueJson.DecodeException
    {
        if (parser instanceof YAMLParser yamlParser && yamlParser.isCurrentAlias()) {
            JsonNode aliased = anchors.get(parser.getText());
            if (aliased == null) {
                throw new ValueJson.DecodeException("invalid YAML: unknown anchor " + ValueFormat.quote(parser.getText()) + " referenced");
            }
            return aliased;
        }
        Object anchor = parser.getObjectId();
        JsonNode node = switch (parser.currentToken()) {
            case START_OBJECT -> {
                ObjectNode object = ValueJson.NODES.objectNode();
                while (parser.nextToken() != JsonToken.END_OBJECT) {
                    String name = parser.currentName();
                    parser.nextToken();
                    if (object.has(name)) {
                        throw new ValueJson.DecodeException("invalid YAML: duplicate key " + ValueFormat.quote(name));
                    }
                    object.set(name, read(parser, anchors));
                }
                yield object;
            }
            case START_ARRAY -> {
                ArrayNode array = ValueJson.NODES.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(read(parser, anchors));
                }
                yield array;
            }
            case VALUE_STRING -> ValueJson.NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT -> ValueJson.NODES.numberNode(new BigDecimal(parser.getBigIntegerValue()));
            case VALUE_NUMBER_FLOAT -> ValueJson.NODES.numberNode(parser.getDecimalValue());
            case VALUE_TRUE -> ValueJson.NODES.booleanNode(true);
            case VALUE_FALSE -> ValueJson.NODES.booleanNode(false);
            case VALUE_NULL -> ValueJson.NODES.nullNode();
            default -> throw new ValueJson.DecodeException("invalid YAML: unsupported " + parser.currentToken().asString() + " value");
        };
        if (anchor != null) {
            anchors.put(anchor.toString(), node);
        }
        return node;
    }



    /** Non-empty sequences and mappings are written as blocks; everything else fits on the line. */
    private static boolean isBlock(Value value)
    {
        return value.asSequence().map(elements -> !elements.isEmpty())
                .or(() -> value.asMapping().map(entries -> !entries.isEmpty()))
                .orElse(false);
    }

    private static void block(Value value, int indent, StringBuilder result)
    {
        Optional<List<Value>> elements = value.asSequence();
        if (elements.isPresent()) {
            sequence(elements.get(), indent, result);
        }
        else {
            mapping(value.asMapping().orElseThrow(), indent, result);
        }
    }

    private static void sequence(List<Value> elements, int indent, StringBuilder result)
    {
        for (Value element : elements) {
            if (isBlock(element)) {
                StringBuilder nested = new StringBuilder();
                block(element, indent + INDENT, nested);
                result.append(" ".repeat(indent)).append("- ").append(nested, indent + INDENT, nested.length());
            }
            else {
                result.append(" ".repeat(indent)).append("- ").append(scalar(element)).append('\n');
            }
        }
    }

    private static void mapping(Map<String, Value> entries, int indent, StringBuilder result)
    {
        for (Map.Entry<String, Value> entry : entries.entrySet()) {
            result.append(" ".repeat(indent)).append(quote(entry.getKey())).append(':');
            Value element = entry.getValue();
            if (!isBlock(element)) {
                result.append(' ').append(scalar(element)).append('\n');
            }
            else {
                result.append('\n');
                block(element, element.asSequence().isPresent() ? indent : indent + INDENT, result);
            }
        }
    }

    private static String scalar(Value value)
    {
        return switch (value) {
            case Value.StringValue string -> quote(string.value());
            case Value.NumberValue number -> number.value().toPlainString();
            case Value.BoolValue bool -> Boolean.toString(bool.value());
            case Value.Null ignored -> "null";
            case Value.Unknown ignored -> throw new IllegalArgumentException("an unknown value has no YAML form");
            case Value.MapValue ignored -> "{}";
            case Value.ObjectValue ignored -> "{}";
            case Value.ListValue ignored -> "[]";
            case Value.SetValue ignored -> "[]";
            case Value.TupleValue ignored -> "[]";
        };
    }

    /** A double-quoted YAML scalar, with YAML's escapes for line breaks and characters that are not printable. */
    static String quote(String text)
    {
        StringBuilder result = new StringBuilder("\"");
        text.codePoints().forEach(codePoint -> {
            switch (codePoint) {
                case '"' -> result.append("\\\"");
                case '\\' -> result.append("\\\\");
                case 0 -> result.append("\\0");
                case 0x07 -> result.append("\\a");
                case '\b' -> result.append("\\b");
                case '\t' -> result.append("\\t");
                case '\n' -> result.append("\\n");
                case 0x0B -> result.append("\\v");
                case '\f' -> result.append("\\f");
                case '\r' -> result.append("\\r");
                case 0x1B -> result.append("\\e");
                case 0x85 -> result.append("\\N");
                case 0xA0 -> result.append("\\_");
                case 0x2028 -> result.append("\\L");
                case 0x2029 -> result.append("\\P");
                default -> {
                    if (codePoint < 0x20 || (codePoint >= 0x7F && codePoint < 0xA0) || codePoint == 0xFEFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
                        result.append(codePoint <= 0xFF ? String.format("\\x%02X", codePoint) : String.format("\\u%04X", codePoint));
                    }
                    else {
                        result.appendCodePoint(codePoint);
                    }
                }
            }
        });
        return result.append('"').toString();
    }
}
