package dev.kiln.lang.value;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ValueJsonTest
{
    private static final Type.ObjectType NODE = new Type.ObjectType(new TreeMap<>(Map.of(
            "name", Type.STRING,
            "port", Type.NUMBER,
            "labels", new Type.MapType(Type.STRING),
            "roles", new Type.SetType(Type.STRING))), Set.of("labels"));

    @Test
    @DisplayName("encode writes compact JSON with sorted keys, exact numbers and sets in canonical order")
    void encode()
    {
        Value value = Value.object(Map.of(
                "z", Value.set(Type.STRING, List.of(Value.string("b"), Value.string("a"))),
                "a", Value.number(new BigDecimal("12345678901234567890.000000000001")),
                "m", Value.map(Type.BOOL, Map.of("y", Value.bool(true), "x", Value.bool(false))),
                "n", Value.nullOf(Type.STRING),
                "t", Value.tuple(List.of(Value.number(1), Value.string("<&>")))));
        assertEquals("{\"a\":12345678901234567890.000000000001,\"m\":{\"x\":false,\"y\":true},\"n\":null,\"t\":[1,\"<&>\"],\"z\":[\"a\",\"b\"]}",
                ValueJson.encode(value));
        assertEquals("1000", ValueJson.encode(Value.number(1000)));
        assertEquals("[1000,0.001]", ValueJson.toJson(Value.tuple(List.of(Value.number(1000), Value.number(new BigDecimal("1E-3"))))).toString());
    }

    @Test
    @DisplayName("an unknown value has no JSON form")
    void unknownRejected()
    {
        assertThrows(IllegalArgumentException.class, () -> ValueJson.encode(Value.tuple(List.of(Value.unknown(Type.STRING)))));
    }

    @ParameterizedTest(name = "{0} decodes to {1}")
    @DisplayName("decode types values as jsondecode does")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "`{\"a\": [1, \"x\", true, null]}` | object({a=tuple([number, string, bool, any])})",
            "`[]`                              | tuple([])",
            "`{}`                              | object({})",
            "`\"s\"`                           | string",
            "`1e2`                             | number",
    })
    void decodeTypes(String json, String type)
            throws ValueJson.DecodeException
    {
        assertEquals(type.strip(), ValueJson.decode(json).type().friendlyName());
    }

    @Test
    @DisplayName("decoding keeps numbers exact")
    void exactNumbers()
            throws ValueJson.DecodeException
    {
        assertEquals(Value.number(new BigDecimal("0.1000000000000000000000000001")), ValueJson.decode("0.1000000000000000000000000001"));
        assertEquals(Value.number(new BigDecimal("123456789012345678901234567890")), ValueJson.decode("123456789012345678901234567890"));
    }

    @Test
    @DisplayName("typed decoding converts each part to the type at its place; missing attributes are null")
    void typedDecode()
            throws ValueJson.DecodeException
    {
        Value node = ValueJson.decode("{\"name\": \"w1\", \"port\": \"22\", \"roles\": [\"worker\", \"etcd\", \"worker\"]}", NODE);
        assertEquals(Value.object(Map.of(
                "name", Value.string("w1"),
                "port", Value.number(22),
                "labels", Value.nullOf(new Type.MapType(Type.STRING)),
                "roles", Value.set(Type.STRING, List.of(Value.string("etcd"), Value.string("worker"))))), node);
        assertEquals(Value.list(Type.NUMBER, List.of(Value.number(1), Value.number(2))), ValueJson.decode("[1, 2]", new Type.ListType(Type.NUMBER)));
        assertEquals(Value.tuple(List.of(Value.string("1"), Value.bool(true))), ValueJson.decode("[1, \"true\"]", new Type.TupleType(List.of(Type.STRING, Type.BOOL))));
    }

    @ParameterizedTest(name = "{0} as {1}: {2}")
    @DisplayName("typed decoding names the path of a part that does not fit")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "`{\"name\": [1]}`                  | node   | at name: string required",
            "`{\"roles\": [\"a\", {}]}`         | node   | at roles[1]: string required",
            "`{\"labels\": {\"k\": []}}`        | node   | at labels[\"k\"]: string required",
            "`{\"extra\": 1}`                   | node   | at the top level: unsupported attribute \"extra\"",
            "`[1]`                              | node   | at the top level: object({labels=optional(map(string)), name=string, port=number, roles=set(string)}) required",
            "`{\"port\": \"x\"}`                | node   | at port: number required",
    })
    void typedDecodeErrors(String json, String type, String message)
    {
        ValueJson.DecodeException exception = assertThrows(ValueJson.DecodeException.class, () -> ValueJson.decode(json, NODE));
        assertEquals(message.strip(), exception.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("malformed JSON is a decode error")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {"`{`", "`[1,]`", "`1 2`", "``", "`{\"a\": 1, \"a\": 2}`", "`nul`"})
    void malformed(String json)
    {
        assertThrows(ValueJson.DecodeException.class, () -> ValueJson.decode(json == null ? "" : json));
    }

    @Test
    @DisplayName("values survive a round trip through JSON with their type")
    void roundTrip()
            throws ValueJson.DecodeException, ConversionException
    {
        Value value = Value.object(Map.of(
                "name", Value.string("w1"),
                "port", Value.number(new BigDecimal("2.50")),
                "labels", Value.map(Type.STRING, Map.of("zone", Value.string("a"))),
                "roles", Value.set(Type.STRING, List.of(Value.string("worker")))));
        JsonNode json = ValueJson.toJson(value);
        assertEquals(value, ValueJson.fromJson(json, Conversion.convert(value, NODE).type()));
    }

    @Test
    @DisplayName("types round-trip through Terraform's JSON type notation")
    void typeNotation()
            throws ValueJson.DecodeException
    {
        List<Type> types = List.of(Type.STRING, Type.DYNAMIC, new Type.ListType(new Type.MapType(Type.BOOL)),
                new Type.TupleType(List.of(Type.NUMBER, new Type.SetType(Type.STRING))), NODE);
        for (Type type : types) {
            assertEquals(type, ValueJson.typeFromJson(ValueJson.typeToJson(type)));
        }
        assertEquals("[\"list\",\"string\"]", ValueJson.typeToJson(new Type.ListType(Type.STRING)).toString());
        assertEquals("[\"object\",{\"labels\":[\"map\",\"string\"],\"name\":\"string\",\"port\":\"number\",\"roles\":[\"set\",\"string\"]},[\"labels\"]]",
                ValueJson.typeToJson(NODE).toString());
        assertThrows(ValueJson.DecodeException.class, () -> ValueJson.typeFromJson(ValueJson.parse("[\"vector\", \"string\"]")));
    }
}
