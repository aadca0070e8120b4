package dev.kiln.lang.value;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Converts values to types by cty's rules: strings to and from numbers and bools where the
 * text allows, tuples to lists and sets, lists and sets to each other, objects to maps and
 * back, structurals to other structurals position by position or attribute by attribute
 * (missing optional attributes become null, extra attributes are dropped). Null and unknown
 * values keep their state with the target type; sensitive marks stay where they were.
 */
public final class Conversion
{
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private Conversion() {}

    public static Value convert(Value value, Type target)
            throws ConversionException
    {
        requireNonNull(value, "value is null");
        requireNonNull(target, "target is null");
        if (target == Type.DYNAMIC || value.type().equals(target)) {
            return value;
        }
        Value converted = convertUnmarked(value, target);
        return value.sensitive() ? converted.withSensitive(true) : converted;
    }

    private static Value convertUnmarked(Value value, Type target)
            throws ConversionException
    {
        return switch (value) {
            case Value.Null ignored -> {
                requireConvertible(value.type(), target);
                yield Value.nullOf(Types.refine(target, value.type()));
            }
            case Value.Unknown ignored -> {
                requireConvertible(value.type(), target);
                yield Value.unknown(Types.refine(target, value.type()));
            }
            case Value.StringValue string -> fromString(string.value(), target, string.sensitive());
            case Value.NumberValue number -> toStringOrFail(number.value().toPlainString(), target);
            case Value.BoolValue bool -> toStringOrFail(Boolean.toString(bool.value()), target);
            case Value.ListValue list -> fromSequence(list.elements(), target);
            case Value.SetValue set -> fromSequence(set.elements(), target);
            case Value.TupleValue tuple -> fromSequence(tuple.elements(), target);
            case Value.MapValue map -> fromMapping(map.entries(), target, false);
            case Value.ObjectValue object -> fromMapping(object.attributes(), target, true);
        };
    }

    private static void requireConvertible(Type from, Type target)
            throws ConversionException
    {
        if (!Types.canConvert(from, target)) {
            throw new ConversionException(Types.requiredMessage(target));
        }
    }

    private static Value fromString(String text, Type target, boolean sensitive)
            throws ConversionException
    {
        if (target == Type.NUMBER) {
            if (!NUMBER.matcher(text).matches()) {
                throw new ConversionException("a number is required");
            }
            try {
                return Value.number(new BigDecimal(text));
            }
            catch (NumberFormatException exception) {
                throw new ConversionException("a number is required; the exponent is out of range");
            }
        }
        if (target == Type.BOOL) {
            return switch (text) {
                case "true", "1" -> Value.bool(true);
                case "false", "0" -> Value.bool(false);
                default -> throw new ConversionException(!sensitive && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))
                        ? "a bool is required; to convert from a string, use lowercase \"" + text.toLowerCase() + "\""
                        : "a bool is required");
            };
        }
        throw new ConversionException(Types.requiredMessage(target));
    }

    private static Value toStringOrFail(String text, Type target)
            throws ConversionException
    {
        if (target == Type.STRING) {
            return Value.string(text);
        }
        throw new ConversionException(Types.requiredMessage(target));
    }

    private static Value fromSequence(List<Value> elements, Type target)
            throws ConversionException
    {
        return switch (target) {
            case Type.ListType list -> {
                List<Value> converted = convertElements(elements, list.element(), "list");
                yield Value.list(elementType(converted, list.element()), converted);
            }
            case Type.SetType set -> {
                List<Value> converted = convertElements(elements, set.element(), "set");
                yield Value.set(elementType(converted, set.element()), converted);
            }
            case Type.TupleType tuple -> {
                if (elements.size() != tuple.elements().size()) {
                    throw new ConversionException(Types.requiredMessage(target));
                }
                List<Value> converted = new ArrayList<>();
                for (int index = 0; index < elements.size(); index++) {
                    converted.add(convertElement(elements.get(index), tuple.elements().get(index), index));
                }
                yield Value.tuple(converted);
            }
            default -> throw new ConversionException(Types.requiredMessage(target));
        };
    }

    private static List<Value> convertElements(List<Value> elements, Type element, String kind)
            throws ConversionException
    {
        Type wanted = element;
        if (element == Type.DYNAMIC) {
            Optional<Type> unified = Types.unify(elements.stream().map(Value::type).toList());
            if (unified.isEmpty() && !elements.isEmpty()) {
                throw new ConversionException("all " + kind + " elements must have the same type");
            }
            wanted = unified.orElse(Type.DYNAMIC);
        }
        List<Value> converted = new ArrayList<>();
        for (int index = 0; index < elements.size(); index++) {
            converted.add(convertElement(elements.get(index), wanted, index));
        }
        return converted;
    }

    private static Value convertElement(Value element, Type type, int index)
            throws ConversionException
    {
        try {
            return convert(element, type);
        }
        catch (ConversionException exception) {
            throw ConversionException.withinElement(exception, index);
        }
    }

    /** The element type of a converted collection: the wanted type, or the elements' common type where it was {@code any}. */
    private static Type elementType(List<Value> converted, Type wanted)
    {
        Type plain = Types.refine(wanted, Type.DYNAMIC);
        if (!Types.containsDynamic(wanted) || converted.isEmpty()) {
            return plain;
        }
        return Types.unify(converted.stream().map(Value::type).toList()).orElse(plain);
    }

    private static Value fromMapping(Map<String, Value> entries, Type target, boolean fromObject)
            throws ConversionException
    {
        return switch (target) {
            case Type.MapType map -> {
                Map<String, Value> converted = convertEntries(entries, map.element());
                yield Value.map(elementType(List.copyOf(converted.values()), map.element()), converted);
            }
            case Type.ObjectType object -> toObject(entries, object, fromObject);
            default -> throw new ConversionException(Types.requiredMessage(target));
        };
    }

    private static Map<String, Value> convertEntries(Map<String, Value> entries, Type element)
            throws ConversionException
    {
        Type wanted = element;
        if (element == Type.DYNAMIC) {
            Optional<Type> unified = Types.unify(entries.values().stream().map(Value::type).toList());
            if (unified.isEmpty() && !entries.isEmpty()) {
                throw new ConversionException("all map elements must have the same type");
            }
            wanted = unified.orElse(Type.DYNAMIC);
        }
        Map<String, Value> converted = new TreeMap<>();
        for (Map.Entry<String, Value> entry : entries.entrySet()) {
            try {
                converted.put(entry.getKey(), convert(entry.getValue(), wanted));
            }
            catch (ConversionException exception) {
                throw ConversionException.withinKey(exception, entry.getKey());
            }
        }
        return converted;
    }

    private static Value toObject(Map<String, Value> entries, Type.ObjectType object, boolean fromObject)
            throws ConversionException
    {
        List<String> missing = object.attributes().keySet().stream()
                .filter(name -> !entries.containsKey(name) && !object.optional().contains(name))
                .toList();
        if (!missing.isEmpty()) {
            throw new ConversionException(missingMessage(missing));
        }
        Map<String, Value> converted = new TreeMap<>();
        for (Map.Entry<String, Type> attribute : object.attributes().entrySet()) {
            String name = attribute.getKey();
            Value given = entries.get(name);
            if (given == null) {
                converted.put(name, Value.nullOf(Types.refine(attribute.getValue(), Type.DYNAMIC)));
                continue;
            }
            try {
                converted.put(name, convert(given, attribute.getValue()));
            }
            catch (ConversionException exception) {
                throw fromObject ? ConversionException.withinAttribute(exception, name) : ConversionException.withinKey(exception, name);
            }
        }
        return Value.object(converted);
    }

    private static String missingMessage(List<String> missing)
    {
        if (missing.size() == 1) {
            return "attribute " + ValueFormat.quote(missing.getFirst()) + " is required";
        }
        List<String> quoted = missing.stream().map(ValueFormat::quote).toList();
        return "attributes " + String.join(", ", quoted.subList(0, quoted.size() - 1)) + " and " + quoted.getLast() + " are required";
    }
}
