package dev.kiln.lang.value;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TypesTest
{
    @Test
    @DisplayName("unify finds the common type of primitives, preferring string")
    void unifyPrimitives()
    {
        assertEquals(Optional.of(Type.STRING), Types.unify(List.of(Type.STRING, Type.NUMBER)));
        assertEquals(Optional.of(Type.STRING), Types.unify(List.of(Type.NUMBER, Type.BOOL, Type.STRING)));
        assertEquals(Optional.empty(), Types.unify(List.of(Type.NUMBER, Type.BOOL)));
        assertEquals(Optional.of(Type.NUMBER), Types.unify(List.of(Type.NUMBER, Type.DYNAMIC)));
        assertEquals(Optional.of(Type.DYNAMIC), Types.unify(List.of(Type.DYNAMIC, Type.DYNAMIC)));
    }

    @Test
    @DisplayName("unify merges objects with the same attributes and falls back to maps or lists")
    void unifyStructurals()
    {
        Type left = Type.ObjectType.of(Map.of("a", Type.STRING));
        Type right = Type.ObjectType.of(Map.of("a", Type.NUMBER));
        assertEquals(Optional.of(left), Types.unify(List.of(left, right)));
        Type other = Type.ObjectType.of(Map.of("b", Type.NUMBER));
        assertEquals(Optional.of(new Type.MapType(Type.STRING)), Types.unify(List.of(left, other)));
        Type pair = new Type.TupleType(List.of(Type.STRING, Type.STRING));
        Type single = new Type.TupleType(List.of(Type.NUMBER));
        assertEquals(Optional.of(new Type.ListType(Type.STRING)), Types.unify(List.of(pair, single)));
        assertEquals(Optional.empty(), Types.unify(List.of(left, single)));
        assertEquals(Optional.of(new Type.ListType(Type.STRING)), Types.unify(List.of(new Type.ListType(Type.STRING), new Type.TupleType(List.of(Type.STRING)))));
    }

    @Test
    @DisplayName("safe conversion excludes parsing strings, dropping attributes and lists to tuples")
    void safeConversion()
    {
        assertEquals(true, Types.canConvert(Type.STRING, Type.NUMBER));
        assertEquals(false, Types.canConvertSafely(Type.STRING, Type.NUMBER));
        assertEquals(true, Types.canConvertSafely(Type.NUMBER, Type.STRING));
        Type wide = Type.ObjectType.of(Map.of("a", Type.STRING, "b", Type.STRING));
        Type narrow = Type.ObjectType.of(Map.of("a", Type.STRING));
        assertEquals(true, Types.canConvert(wide, narrow));
        assertEquals(false, Types.canConvertSafely(wide, narrow));
        assertEquals(true, Types.canConvertSafely(new Type.TupleType(List.of(Type.NUMBER)), new Type.ListType(Type.STRING)));
        assertEquals(false, Types.canConvertSafely(new Type.ListType(Type.STRING), new Type.TupleType(List.of(Type.STRING))));
    }
}
