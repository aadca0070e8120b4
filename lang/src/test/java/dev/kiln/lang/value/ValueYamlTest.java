package dev.kiln.lang.value;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ValueYamlTest
{
    @Test
    @DisplayName("encode writes block style with quoted strings, sequences flush under their key and mappings indented")
    void encode()
    {
        Value value = Value.object(Map.of(
                "cluster", Value.object(Map.of(
                        "name", Value.string("prod"),
                        "nodes", Value.tuple(List.of(
                                Value.object(Map.of("name", Value.string("w1"), "cpu", Value.number(4))),
                                Value.object(Map.of("name", Value.string("w2"), "cpu", Value.number(new BigDecimal("0.5")))))),
                        "tags", Value.list(Type.STRING, List.of()),
                        "ha", Value.bool(true),
                        "backup", Value.nullOf(Type.STRING)))));
        assertEquals("""
                "cluster":
                  "backup": null
                  "ha": true
                  "name": "prod"
                  "nodes":
                  - "cpu": 4
                    "name": "w1"
                  - "cpu": 0.5
                    "name": "w2"
                  "tags": []
                """, ValueYaml.encode(value));
    }

    @Test
    @DisplayName("strings are escaped as YAML double-quoted scalars")
    void escapes()
    {
        assertEquals("\"tab\\tnewline\\n quote\\\" backslash\\\\ bell\\a ✓\"\n", ValueYaml.encode(Value.string("tab\tnewline\n quote\" backslash\\ bell\u0007 ✓")));
        assertEquals("\"yes\"\n", ValueYaml.encode(Value.string("yes")));
    }

    @Test
    @DisplayName("what encode writes, decode reads back as the same value")
    void roundTrip()
            throws ValueJson.DecodeException
    {
        Value value = Value.object(Map.of(
                "a", Value.tuple(List.of(Value.tuple(List.of(Value.number(1), Value.string("x"))), Value.object(Map.of("k", Value.string("v\n"))))),
                "b", Value.string("no"),
                "c", Value.number(new BigDecimal("3.25")),
                "d", Value.tuple(List.of()),
                "e", Value.object(Map.of())));
        assertEquals(value, ValueYaml.decode(ValueYaml.encode(value)));
    }

    @Test
    @DisplayName("decode resolves anchors and aliases and rejects several documents")
    void decode()
            throws ValueJson.DecodeException
    {
        assertEquals(Value.object(Map.of(
                        "base", Value.object(Map.of("cpu", Value.number(2))),
                        "copy", Value.object(Map.of("cpu", Value.number(2))))),
                ValueYaml.decode("base: &b\n  cpu: 2\ncopy: *b\n"));
        assertEquals(Value.nullOf(Type.DYNAMIC), ValueYaml.decode(""));
        assertThrows(ValueJson.DecodeException.class, () -> ValueYaml.decode("a: 1\n---\nb: 2\n"));
        assertThrows(ValueJson.DecodeException.class, () -> ValueYaml.decode("a: 1\na: 2\n"));
        assertThrows(ValueJson.DecodeException.class, () -> ValueYaml.decode("a: *missing\n"));
    }
}
