package dev.kiln.lang.functions;

import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** Converts an argument to its parameter's type, as Terraform converts function arguments. */
final class ArgumentConversion
{
    private ArgumentConversion() {}

    static final class ConversionFailure
            extends Exception
    {
        ConversionFailure(String message)
        {
            super(message);
        }
    }

    static Value convert(Value value, Type type)
            throws ConversionFailure
    {
        if (type == Type.DYNAMIC || value.type().equals(type)) {
            return value;
        }
        if (value instanceof Value.Unknown unknown) {
            return new Value.Unknown(type, unknown.sensitive());
        }
        if (value instanceof Value.Null nullValue) {
            return new Value.Null(type, nullValue.sensitive());
        }
        return switch (type) {
            case Type.Primitive primitive -> primitive(value, primitive);
            case Type.ListType list -> sequence(value, list.element(), type, false);
            case Type.SetType set -> sequence(value, set.element(), type, true);
            case Type.MapType map -> mapOf(value, map);
            case Type.Dynamic ignored -> value;
            case Type.TupleType ignored -> throw failure(type);
            case Type.ObjectType ignored -> throw failure(type);
        };
    }

    private static Value primitive(Value value, Type.Primitive type)
            throws ConversionFailure
    {
        return switch (type) {
            case STRING -> switch (value) {
                case Value.NumberValue number -> Value.string(number.value().toPlainString());
                case Value.BoolValue bool -> Value.string(Boolean.toString(bool.value()));
                default -> throw failure(type);
            };
            case NUMBER -> {
                if (value instanceof Value.StringValue string) {
                    try {
                        yield Value.number(new BigDecimal(string.value()));
                    }
                    catch (NumberFormatException e) {
                        throw new ConversionFailure("a number is required");
                    }
                }
                throw failure(type);
            }
            case BOOL -> {
                if (value instanceof Value.StringValue string && (string.value().equals("true") || string.value().equals("false"))) {
                    yield Value.bool(Boolean.parseBoolean(string.value()));
                }
                throw failure(type);
            }
        };
    }

    private static Value sequence(Value value, Type element, Type target, boolean toSet)
            throws ConversionFailure
    {
        List<Value> source = switch (value) {
            case Value.ListValue list -> list.elements();
            case Value.SetValue set -> set.elements();
            case Value.TupleValue tuple -> tuple.elements();
            default -> throw failure(target);
        };
        Type elementType = element == Type.DYNAMIC ? common(source.stream().map(Value::type).toList(), target) : element;
        List<Value> result = new ArrayList<>();
        for (Value item : source) {
            result.add(convert(item, elementType));
        }
        return toSet ? Value.set(elementType, result) : Value.list(elementType, result);
    }

    private static Value mapOf(Value value, Type.MapType target)
            throws ConversionFailure
    {
        Map<String, Value> source = switch (value) {
            case Value.MapValue map -> map.entries();
            case Value.ObjectValue object -> object.attributes();
            default -> throw failure(target);
        };
        Type elementType = target.element() == Type.DYNAMIC ? common(source.values().stream().map(Value::type).toList(), target) : target.element();
        SortedMap<String, Value> result = new TreeMap<>();
        for (Map.Entry<String, Value> entry : source.entrySet()) {
            result.put(entry.getKey(), convert(entry.getValue(), elementType));
        }
        return Value.map(elementType, result);
    }

    private static Type common(List<Type> types, Type target)
            throws ConversionFailure
    {
        return unify(types).orElseThrow(() -> new ConversionFailure("all elements must have the same type for " + target.friendlyName()));
    }

    /** The one type all of {@code types} convert to, if there is one. */
    static Optional<Type> unify(List<Type> types)
    {
        List<Type> known = types.stream().filter(type -> type != Type.DYNAMIC).distinct().toList();
        if (known.isEmpty()) {
            return Optional.of(Type.DYNAMIC);
        }
        if (known.size() == 1) {
            return Optional.of(known.getFirst());
        }
        if (known.stream().allMatch(type -> type instanceof Type.Primitive)) {
            return Optional.of(Type.STRING);
        }
        return Optional.empty();
    }

    /** Converts a value to a type it is known to convert to (one {@link #unify} chose for it). */
    static Value convertUnchecked(Value value, Type type)
    {
        try {
            return convert(value, type);
        }
        catch (ConversionFailure failure) {
            throw new IllegalStateException("value of type " + value.type().friendlyName() + " does not convert to " + type.friendlyName(), failure);
        }
    }

    private static ConversionFailure failure(Type type)
    {
        return new ConversionFailure(type.friendlyName() + " required");
    }
}
