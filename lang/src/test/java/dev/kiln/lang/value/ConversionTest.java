package dev.kiln.lang.value;

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
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConversionTest
{
    @ParameterizedTest(name = "\"{0}\" to number is {1}")
    @CsvSource({"1.5, 1.5", "-3, -3", "1e3, 1000", "0.10, 0.1"})
    @DisplayName("strings that spell numbers convert to numbers")
    void stringToNumber(String text, String expected)
            throws ConversionException
    {
        assertEquals(Value.number(new BigDecimal(expected)), Conversion.convert(Value.string(text), Type.NUMBER));
    }

    @ParameterizedTest(name = "\"{0}\" to bool is {1}")
    @CsvSource({"true, true", "false, false", "1, true", "0, false"})
    @DisplayName("strings that spell bools convert to bools")
    void stringToBool(String text, boolean expected)
            throws ConversionException
    {
        assertEquals(Value.bool(expected), Conversion.convert(Value.string(text), Type.BOOL));
    }

    @ParameterizedTest(name = "{0} to string is \"{1}\"")
    @CsvSource({"1.50, 1.5", "500, 500", "-0.001, -0.001", "0, 0"})
    @DisplayName("numbers convert to strings in canonical form")
    void numberToString(String number, String expected)
            throws ConversionException
    {
        assertEquals(Value.string(expected), Conversion.convert(Value.number(new BigDecimal(number)), Type.STRING));
    }

    @Test
    @DisplayName("text that is not a number or bool fails with a message naming the required type")
    void primitiveFailures()
    {
        assertEquals("a number is required", assertThrows(ConversionException.class, () -> Conversion.convert(Value.string("x"), Type.NUMBER)).getMessage());
        assertEquals("a bool is required; to convert from a string, use lowercase \"true\"",
                assertThrows(ConversionException.class, () -> Conversion.convert(Value.string("True"), Type.BOOL)).getMessage());
        assertEquals("a number is required", assertThrows(ConversionException.class, () -> Conversion.convert(Value.bool(true), Type.NUMBER)).getMessage());
        assertEquals("a bool is required",
                assertThrows(ConversionException.class, () -> Conversion.convert(Value.string("True").withSensitive(true), Type.BOOL)).getMessage());
        assertEquals("a number is required; the exponent is out of range",
                assertThrows(ConversionException.class, () -> Conversion.convert(Value.string("1e99999999999"), Type.NUMBER)).getMessage());
    }

    @Test
    @DisplayName("a tuple converts to a list of the elements' common type, failing with the element's path")
    void tupleToList()
            throws ConversionException
    {
        Value tuple = Value.tuple(List.of(Value.string("a"), Value.number(1)));
        assertEquals(Value.list(Type.STRING, List.of(Value.string("a"), Value.string("1"))), Conversion.convert(tuple, new Type.ListType(Type.DYNAMIC)));
        assertEquals(Value.list(Type.NUMBER, List.of(Value.number(2), Value.number(1))),
                Conversion.convert(Value.tuple(List.of(Value.string("2"), Value.number(1))), new Type.ListType(Type.NUMBER)));
        ConversionException failure = assertThrows(ConversionException.class, () -> Conversion.convert(tuple, new Type.ListType(Type.NUMBER)));
        assertEquals("element 0: a number is required", failure.getMessage());
        assertEquals("all list elements must have the same type",
                assertThrows(ConversionException.class, () -> Conversion.convert(Value.tuple(List.of(Value.bool(true), Value.number(1))), new Type.ListType(Type.DYNAMIC))).getMessage());
    }

    @Test
    @DisplayName("lists and sets convert to each other, sets losing duplicates")
    void listAndSet()
            throws ConversionException
    {
        Value list = Value.list(Type.STRING, List.of(Value.string("b"), Value.string("a"), Value.string("b")));
        Value set = Conversion.convert(list, new Type.SetType(Type.STRING));
        assertEquals(Value.set(Type.STRING, List.of(Value.string("a"), Value.string("b"))), set);
        assertEquals(Value.list(Type.STRING, List.of(Value.string("a"), Value.string("b"))), Conversion.convert(set, new Type.ListType(Type.DYNAMIC)));
    }

    @Test
    @DisplayName("objects convert to maps and maps to objects")
    void objectsAndMaps()
            throws ConversionException
    {
        Value object = Value.object(Map.of("a", Value.number(1), "b", Value.string("2")));
        Value map = Conversion.convert(object, new Type.MapType(Type.NUMBER));
        assertEquals(Value.map(Type.NUMBER, Map.of("a", Value.number(1), "b", Value.number(2))), map);
        Type.ObjectType type = Type.ObjectType.of(Map.of("a", Type.STRING, "b", Type.NUMBER));
        assertEquals(Value.object(Map.of("a", Value.string("1"), "b", Value.number(2))), Conversion.convert(map, type));
    }

    @Test
    @DisplayName("object conversion requires non-optional attributes, fills optional ones with null and drops extra ones")
    void objectAttributes()
            throws ConversionException
    {
        Type.ObjectType type = new Type.ObjectType(new TreeMap<>(Map.of("name", Type.STRING, "port", Type.NUMBER)), Set.of("port"));
        Value given = Value.object(Map.of("name", Value.string("web"), "extra", Value.bool(true)));
        assertEquals(Value.object(Map.of("name", Value.string("web"), "port", Value.nullOf(Type.NUMBER))), Conversion.convert(given, type));
        assertEquals("attribute \"name\" is required",
                assertThrows(ConversionException.class, () -> Conversion.convert(Value.object(Map.of()), type)).getMessage());
        Value nested = Value.tuple(List.of(Value.object(Map.of("name", Value.string("a"))), Value.object(Map.of("name", Value.string("b"), "port", Value.string("x")))));
        assertEquals("element 1: attribute \"port\": a number is required",
                assertThrows(ConversionException.class, () -> Conversion.convert(nested, new Type.ListType(type))).getMessage());
    }

    @Test
    @DisplayName("null and unknown values convert to null and unknown of the target type")
    void nullAndUnknown()
            throws ConversionException
    {
        assertEquals(Value.nullOf(Type.STRING), Conversion.convert(Value.nullOf(Type.DYNAMIC), Type.STRING));
        assertEquals(Value.unknown(new Type.ListType(Type.NUMBER)), Conversion.convert(Value.unknown(Type.DYNAMIC), new Type.ListType(Type.NUMBER)));
        assertEquals(Value.unknown(Type.STRING), Conversion.convert(Value.unknown(Type.NUMBER), Type.STRING));
        assertThrows(ConversionException.class, () -> Conversion.convert(Value.unknown(Type.BOOL), Type.NUMBER));
        assertEquals(Value.tuple(List.of(Value.unknown(Type.STRING))),
                Conversion.convert(Value.list(Type.DYNAMIC, List.of(Value.unknown(Type.DYNAMIC))), new Type.TupleType(List.of(Type.STRING))));
    }

    @Test
    @DisplayName("sensitive marks survive conversion at every level")
    void sensitiveMarks()
            throws ConversionException
    {
        Value secret = Value.number(5).withSensitive(true);
        Value converted = Conversion.convert(Value.tuple(List.of(secret, Value.number(6))).withSensitive(true), new Type.ListType(Type.STRING));
        assertTrue(converted.sensitive());
        Value.ListValue list = (Value.ListValue) converted;
        assertEquals(Value.string("5").withSensitive(true), list.elements().get(0));
        assertEquals(Value.string("6"), list.elements().get(1));
    }

    @Test
    @DisplayName("any keeps the value as it is")
    void dynamicKeeps()
            throws ConversionException
    {
        Value tuple = Value.tuple(List.of(Value.string("a"), Value.number(1)));
        assertEquals(tuple, Conversion.convert(tuple, Type.DYNAMIC));
    }
}
