package dev.kiln.lang.value;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * Values to and from JSON, as Terraform's {@code jsonencode}/{@code jsondecode} and its state
 * and plan files write them: numbers exact ({@link java.math.BigDecimal}), objects with their
 * keys sorted, sets as arrays in their canonical order. Decoding without a type follows
 * {@code jsondecode}: objects become objects, arrays tuples; decoding with a type converts
 * each part to the type found at its place. Marks are not represented: callers that must
 * not reveal sensitive values check {@link Value#containsSensitive()} first.
 */
public final class ValueJson
{
    static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .nodeFactory(NODES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private ValueJson() {}

    /** A JSON text that cannot be decoded, or a JSON value that does not fit the requested type. */
    public static final class DecodeException
            extends Exception
    {
        public DecodeException(String message)
        {
            super(requireNonNull(message, "message is null"));
        }
    }

    /** The value as a JSON tree, numbers without exponents whatever mapper writes it. Every part must be known. */
    public static JsonNode toJson(Value value)
    {
        requireNonNull(value, "value is null");
        return switch (value) {
            case Value.StringValue string -> NODES.textNode(string.value());
            case Value.NumberValue number -> NODES.numberNode(number.value().scale() < 0 ? number.value().setScale(0) : number.value());
            case Value.BoolValue bool -> NODES.booleanNode(bool.value());
            case Value.Null ignored -> NODES.nullNode();
            case Value.Unknown ignored -> throw new IllegalArgumentException("an unknown value has no JSON form");
            case Value.ListValue list -> array(list.elements());
            case Value.SetValue set -> array(set.elements());
            case Value.TupleValue tuple -> array(tuple.elements());
            case Value.MapValue map -> object(map.entries());
            case Value.ObjectValue object -> object(object.attributes());
        };
    }

    /** The value as compact JSON text, as {@code jsonencode} writes it (without its HTML escaping). Every part must be known. */
    public static String encode(Value value)
    {
        try {
            return MAPPER.writeValueAsString(toJson(value));
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON tree could not be written", e);
        }
    }

    /** JSON text as a value typed as {@code jsondecode} types it. */
    public static Value decode(String json)
            throws DecodeException
    {
        return fromJson(parse(json));
    }

    /** JSON text as a value of {@code type}. */
    public static Value decode(String json, Type type)
            throws DecodeException
    {
        return fromJson(parse(json), type);
    }

    /** JSON text as a tree, with numbers exact and duplicate object keys rejected. */
    public static JsonNode parse(String json)
            throws DecodeException
    {
        requireNonNull(json, "json is null");
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw new DecodeException("invalid JSON: no value");
            }
            return node;
        }
        catch (JsonProcessingException e) {
            throw new DecodeException("invalid JSON: " + e.getOriginalMessage() + locationOf(e));
        }
    }

    /** A JSON tree as a value: objects become objects, arrays tuples, numbers exact numbers. */
    public static Value fromJson(JsonNode node)
    {
        requireNonNull(node, "node is null");
        return switch (node.getNodeType()) {
            case STRING -> Value.string(node.textValue());
            case NUMBER -> Value.number(node.decimalValue());
            case BOOLEAN -> Value.bool(node.booleanValue());
            case NULL, MISSING -> Value.nullOf(Type.DYNAMIC);
            case ARRAY -> {
                List<Value> elements = new ArrayList<>();
                node.forEach(element -> elements.add(fromJson(element)));
                yield Value.tuple(elements);
            }
            case OBJECT -> {
                SortedMap<String, Value> attributes = new TreeMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    attributes.put(field.getKey(), fromJson(field.getValue()));
                }
                yield Value.object(attributes);
            }
            case BINARY, POJO -> throw new IllegalArgumentException("not a JSON data node: " + node.getNodeType());
        };
    }

    /** A JSON tree as a value of {@code type}; {@code any} decodes as {@link #fromJson(JsonNode)} does. */
    public static Value fromJson(JsonNode node, Type type)
            throws DecodeException
    {
        requireNonNull(node, "node is null");
        requireNonNull(type, "type is null");
        return TypedJsonDecoder.decode(node, type, Where.TOP);
    }

    /** A type in Terraform's JSON notation: {@code "string"}, {@code ["list","string"]}, {@code ["object",{"a":"number"}]}. */
    public static JsonNode typeToJson(Type type)
    {
        requireNonNull(type, "type is null");
        return switch (type) {
            case Type.Primitive primitive -> NODES.textNode(primitive.friendlyName());
            case Type.Dynamic ignored -> NODES.textNode("dynamic");
            case Type.ListType list -> NODES.arrayNode().add("list").add(typeToJson(list.element()));
            case Type.SetType set -> NODES.arrayNode().add("set").add(typeToJson(set.element()));
            case Type.MapType map -> NODES.arrayNode().add("map").add(typeToJson(map.element()));
            case Type.TupleType tuple -> {
                ArrayNode elements = NODES.arrayNode();
                tuple.elements().forEach(element -> elements.add(typeToJson(element)));
                yield NODES.arrayNode().add("tuple").add(elements);
            }
            case Type.ObjectType object -> {
                ObjectNode attributes = NODES.objectNode();
                object.attributes().forEach((name, attribute) -> attributes.set(name, typeToJson(attribute)));
                ArrayNode result = NODES.arrayNode().add("object").add(attributes);
                if (!object.optional().isEmpty()) {
                    ArrayNode optional = NODES.arrayNode();
                    object.optional().forEach(optional::add);
                    result.add(optional);
                }
                yield result;
            }
        };
    }

    /** The type a {@link #typeToJson} tree describes. */
    public static Type typeFromJson(JsonNode node)
            throws DecodeException
    {
        requireNonNull(node, "node is null");
        return TypedJsonDecoder.type(node);
    }

    private static ArrayNode array(List<Value> elements)
    {
        ArrayNode array = NODES.arrayNode(elements.size());
        elements.forEach(element -> array.add(toJson(element)));
        return array;
    }

    private static ObjectNode object(Map<String, Value> entries)
    {
        ObjectNode object = NODES.objectNode();
        new TreeMap<>(entries).forEach((key, element) -> object.set(key, toJson(element)));
        return object;
    }

    private static String locationOf(JsonProcessingException e)
    {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    /** Decoding JSON trees into values and types of a known type, naming the path of a mismatch. */
    private static final class TypedJsonDecoder
    {
        private TypedJsonDecoder() {}

        static Value decode(JsonNode node, Type type, Where path)
                throws DecodeException
        {
            if (node.isNull()) {
                return Value.nullOf(type);
            }
            return switch (type) {
                case Type.Dynamic ignored -> fromJson(node);
                case Type.Primitive primitive -> primitive(node, primitive, path);
                case Type.ListType list -> Value.list(list.element(), elements(node, list.element(), type, path));
                case Type.SetType set -> Value.set(set.element(), elements(node, set.element(), type, path));
                case Type.MapType map -> Value.map(map.element(), entries(node, map, path));
                case Type.TupleType tuple -> tuple(node, tuple, path);
                case Type.ObjectType object -> object(node, object, path);
            };
        }

        private static Value primitive(JsonNode node, Type.Primitive type, Where path)
                throws DecodeException
        {
            switch (type) {
                case STRING -> {
                    if (node.isTextual()) {
                        return Value.string(node.textValue());
                    }
                    if (node.isNumber()) {
                        return Value.string(node.decimalValue().stripTrailingZeros().toPlainString());
                    }
                    if (node.isBoolean()) {
                        return Value.string(Boolean.toString(node.booleanValue()));
                    }
                }
                case NUMBER -> {
                    if (node.isNumber()) {
                        return Value.number(node.decimalValue());
                    }
                    if (node.isTextual()) {
                        try {
                            return Value.number(new BigDecimal(node.textValue()));
                        }
                        catch (NumberFormatException e) {
                            throw mismatch(path, type);
                        }
                    }
                }
                case BOOL -> {
                    if (node.isBoolean()) {
                        return Value.bool(node.booleanValue());
                    }
                    if (node.isTextual() && (node.textValue().equals("true") || node.textValue().equals("false"))) {
                        return Value.bool(Boolean.parseBoolean(node.textValue()));
                    }
                }
            }
            throw mismatch(path, type);
        }

        private static List<Value> elements(JsonNode node, Type element, Type type, Where path)
                throws DecodeException
        {
            if (!node.isArray()) {
                throw mismatch(path, type);
            }
            List<Value> elements = new ArrayList<>();
            for (int index = 0; index < node.size(); index++) {
                elements.add(decode(node.get(index), element, path.index(index)));
            }
            return elements;
        }

        private static SortedMap<String, Value> entries(JsonNode node, Type.MapType type, Where path)
                throws DecodeException
        {
            if (!node.isObject()) {
                throw mismatch(path, type);
            }
            SortedMap<String, Value> entries = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                entries.put(field.getKey(), decode(field.getValue(), type.element(), path.key(field.getKey())));
            }
            return entries;
        }

        private static Value tuple(JsonNode node, Type.TupleType type, Where path)
                throws DecodeException
        {
            if (!node.isArray() || node.size() != type.elements().size()) {
                throw mismatch(path, type);
            }
            List<Value> elements = new ArrayList<>();
            for (int index = 0; index < node.size(); index++) {
                elements.add(decode(node.get(index), type.elements().get(index), path.index(index)));
            }
            return Value.tuple(elements);
        }

        private static Value object(JsonNode node, Type.ObjectType type, Where path)
                throws DecodeException
        {
            if (!node.isObject()) {
                throw mismatch(path, type);
            }
            SortedMap<String, Value> attributes = new TreeMap<>();
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!type.attributes().containsKey(name)) {
                    throw new DecodeException("at " + where(path) + ": unsupported attribute " + ValueFormat.quote(name));
                }
            }
            for (Map.Entry<String, Type> attribute : type.attributes().entrySet()) {
                JsonNode field = node.get(attribute.getKey());
                attributes.put(attribute.getKey(), field == null
                        ? Value.nullOf(attribute.getValue())
                        : decode(field, attribute.getValue(), path.attribute(attribute.getKey())));
            }
            return Value.object(attributes);
        }

        static Type type(JsonNode node)
                throws DecodeException
        {
            if (node.isTextual()) {
                return switch (node.textValue()) {
                    case "string" -> Type.STRING;
                    case "number" -> Type.NUMBER;
                    case "bool" -> Type.BOOL;
                    case "dynamic" -> Type.DYNAMIC;
                    default -> throw new DecodeException("invalid type " + ValueFormat.quote(node.textValue()));
                };
            }
            if (!node.isArray() || node.size() < 2 || !node.get(0).isTextual()) {
                throw new DecodeException("invalid type " + node);
            }
            JsonNode argument = node.get(1);
            return switch (node.get(0).textValue()) {
                case "list" -> new Type.ListType(type(argument));
                case "set" -> new Type.SetType(type(argument));
                case "map" -> new Type.MapType(type(argument));
                case "tuple" -> {
                    List<Type> elements = new ArrayList<>();
                    for (JsonNode element : argument) {
                        elements.add(type(element));
                    }
                    yield new Type.TupleType(elements);
                }
                case "object" -> objectType(node, argument);
                default -> throw new DecodeException("invalid type " + node);
            };
        }

        private static Type objectType(JsonNode node, JsonNode attributes)
                throws DecodeException
        {
            if (!attributes.isObject()) {
                throw new DecodeException("invalid type " + node);
            }
            SortedMap<String, Type> types = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> fields = attributes.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                types.put(field.getKey(), type(field.getValue()));
            }
            Set<String> optional = new TreeSet<>();
            if (node.size() > 2) {
                node.get(2).forEach(name -> optional.add(name.asText()));
            }
            if (!types.keySet().containsAll(optional)) {
                throw new DecodeException("invalid type " + node + ": optional attributes must be declared");
            }
            return new Type.ObjectType(types, optional);
        }

        private static DecodeException mismatch(Where path, Type type)
        {
            return new DecodeException("at " + where(path) + ": " + type.friendlyName() + " required");
        }

        private static String where(Where where)
        {
            String path = where.text();
            return path.isEmpty() ? "the top level" : path.startsWith(".") ? path.substring(1) : path;
        }
    }

    /**
     * Where a value being decoded sits (an attribute, a map key or an element index below its
     * parent), turned into text such as {@code .nodes[3].labels["team"]} only for an error:
     * building that text for every value decoded was a good part of reading a large state.
     */
    private record Where(Where parent, String attribute, String key, int index)
    {
        static final Where TOP = new Where(null, null, null, -1);

        Where attribute(String name)
        {
            return new Where(this, name, null, -1);
        }

        Where key(String name)
        {
            return new Where(this, null, name, -1);
        }

        Where index(int position)
        {
            return new Where(this, null, null, position);
        }

        String text()
        {
            if (parent == null) {
                return "";
            }
            if (attribute != null) {
                return parent.text() + "." + attribute;
            }
            if (key != null) {
                return parent.text() + "[" + ValueFormat.quote(key) + "]";
            }
            return parent.text() + "[" + index + "]";
        }
    }
}
