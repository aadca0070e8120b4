package dev.kiln.lang.value;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Random values converted to random types: conversion succeeds with the requested type or fails with a message, never otherwise. */
class ConversionPropertiesTest
{
    @Test
    @DisplayName("a successful conversion to a type without any gives a value of exactly that type, and a value converts to its own type unchanged")
    void conversionResults()
    {
        Random random = new Random(7);
        int converted = 0;
        for (int run = 0; run < 30000; run++) {
            Value value = value(random, 3);
            assertEquals(value, convertOrNull(value, value.type()));
            Type target = type(random, 3);
            Value result = convertOrNull(value, target);
            if (result == null) {
                continue;
            }
            converted++;
            if (!Types.containsDynamic(target)) {
                assertEquals(Types.refine(target, Type.DYNAMIC), result.type(), () -> value.toSourceForm() + " to " + target.friendlyName());
            }
            assertEquals(value.sensitive(), result.sensitive());
            assertTrue(Types.canConvert(value.type(), target), () -> value.type().friendlyName() + " to " + target.friendlyName());
        }
        assertTrue(converted > 1000, "too few successful conversions to mean anything: " + converted);
    }

    @Test
    @DisplayName("every type converts to the unified type of a list it belongs to, and the values convert too")
    void unification()
    {
        Random random = new Random(8);
        for (int run = 0; run < 20000; run++) {
            List<Value> values = List.of(value(random, 2), value(random, 2), value(random, 2));
            List<Type> types = values.stream().map(Value::type).toList();
            Types.unify(types).ifPresent(unified -> {
                types.forEach(type -> assertTrue(Types.canConvert(type, unified), () -> type.friendlyName() + " to " + unified.friendlyName()));
            });
        }
    }

    @Test
    @DisplayName("equality is symmetric and every value equals itself unless unknowns leave it open")
    void equality()
    {
        Random random = new Random(9);
        for (int run = 0; run < 20000; run++) {
            Value left = value(random, 3);
            Value right = random.nextBoolean() ? value(random, 3) : left;
            assertEquals(Equality.equal(left, right), Equality.equal(right, left));
            Value self = Equality.equal(left, left);
            assertTrue(!self.isKnown() || ((Value.BoolValue) self).value(), left::toSourceForm);
        }
    }

    private static Value convertOrNull(Value value, Type target)
    {
        try {
            return Conversion.convert(value, target);
        }
        catch (ConversionException exception) {
            assertTrue(!exception.getMessage().isBlank());
            return null;
        }
    }

    private static Value value(Random random, int depth)
    {
        Value value = switch (random.nextInt(depth == 0 ? 6 : 11)) {
            case 0 -> Value.string(List.of("a", "1", "true", "0.5", "").get(random.nextInt(5)));
            case 1 -> Value.number(new BigDecimal(List.of("0", "1", "-2.5", "1e3").get(random.nextInt(4))));
            case 2 -> Value.bool(random.nextBoolean());
            case 3 -> Value.nullOf(type(random, 1));
            case 4 -> Value.unknown(type(random, 1));
            case 5 -> Value.string("x");
            case 6 -> Value.tuple(values(random, depth - 1));
            case 7 -> Value.object(attributes(random, depth - 1));
            case 8 -> Value.list(Type.STRING, List.of(Value.string("a"), Value.string("2")));
            case 9 -> Value.set(Type.NUMBER, List.of(Value.number(1), Value.number(2)));
            default -> Value.map(Type.BOOL, Map.of("a", Value.bool(true)));
        };
        return random.nextInt(5) == 0 ? value.withSensitive(true) : value;
    }

    private static List<Value> values(Random random, int depth)
    {
        List<Value> values = new ArrayList<>();
        for (int index = random.nextInt(3); index > 0; index--) {
            values.add(value(random, depth));
        }
        return values;
    }

    private static Map<String, Value> attributes(Random random, int depth)
    {
        Map<String, Value> attributes = new TreeMap<>();
        for (int index = random.nextInt(3); index > 0; index--) {
            attributes.put(List.of("a", "b", "c").get(random.nextInt(3)), value(random, depth));
        }
        return attributes;
    }

    private static Type type(Random random, int depth)
    {
        return switch (random.nextInt(depth == 0 ? 4 : 9)) {
            case 0 -> Type.STRING;
            case 1 -> Type.NUMBER;
            case 2 -> Type.BOOL;
            case 3 -> Type.DYNAMIC;
            case 4 -> new Type.ListType(type(random, depth - 1));
            case 5 -> new Type.SetType(type(random, depth - 1));
            case 6 -> new Type.MapType(type(random, depth - 1));
            case 7 -> new Type.TupleType(List.of(type(random, depth - 1), type(random, depth - 1)));
            default -> {
                TreeMap<String, Type> attributes = new TreeMap<>();
                attributes.put("a", type(random, depth - 1));
                attributes.put("b", type(random, depth - 1));
                yield new Type.ObjectType(attributes, random.nextBoolean() ? Set.of("b") : Set.of());
            }
        };
    }
}
