package dev.kiln.lang.value;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EqualityTest
{
    @Test
    @DisplayName("values of different types are unequal, numbers compare by value")
    void typesAndNumbers()
    {
        assertEquals(Value.bool(false), Equality.equal(Value.string("1"), Value.number(1)));
        assertEquals(Value.bool(true), Equality.equal(Value.number(new BigDecimal("1.0")), Value.number(1)));
        assertEquals(Value.bool(true), Equality.equal(Value.nullOf(Type.STRING), Value.nullOf(Type.DYNAMIC)));
        assertEquals(Value.bool(false), Equality.equal(Value.string("a"), Value.nullOf(Type.STRING)));
    }

    @Test
    @DisplayName("collections compare deeply; unknowns that could decide give an unknown bool")
    void deep()
    {
        Value left = Value.tuple(List.of(Value.string("a"), Value.object(Map.of("x", Value.number(1)))));
        Value right = Value.tuple(List.of(Value.string("a"), Value.object(Map.of("x", Value.number(1)))));
        assertEquals(Value.bool(true), Equality.equal(left, right));
        assertEquals(Value.unknown(Type.BOOL), Equality.equal(Value.tuple(List.of(Value.unknown(Type.STRING))), Value.tuple(List.of(Value.string("a")))));
        assertEquals(Value.bool(false), Equality.equal(Value.tuple(List.of(Value.unknown(Type.STRING), Value.number(1))), Value.tuple(List.of(Value.string("a"), Value.number(2)))));
        assertEquals(Value.unknown(Type.BOOL), Equality.equal(Value.unknown(Type.STRING), Value.string("a")));
    }

    @Test
    @DisplayName("a sensitive operand makes the result sensitive")
    void sensitive()
    {
        assertEquals(Value.bool(true).withSensitive(true), Equality.equal(Value.string("a").withSensitive(true), Value.string("a")));
        assertEquals(Value.bool(false).withSensitive(true), Equality.equal(Value.tuple(List.of(Value.string("a").withSensitive(true))), Value.tuple(List.of())));
    }
}
