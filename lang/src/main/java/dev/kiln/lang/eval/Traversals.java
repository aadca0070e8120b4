package dev.kiln.lang.eval;

import dev.kiln.lang.ast.Traverser;
import dev.kiln.lang.diag.DidYouMean;
import dev.kiln.lang.diag.SourceRange;
import dev.kiln.lang.value.Conversion;
import dev.kiln.lang.value.ConversionException;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Attribute access and indexing, as HCL's {@code GetAttr} and {@code Index}: objects and
 * maps by name or key, lists and tuples by whole-number position. A container's sensitive
 * mark applies to the element taken from it; unknown containers and keys give unknowns of
 * the element's type when it is known.
 */
final class Traversals
{
    private Traversals() {}

    static Value apply(Evaluator evaluator, Value start, List<Traverser> steps, SourceRange context)
    {
        Value current = start;
        for (Traverser step : steps) {
            Value next = switch (step) {
                case Traverser.Root root -> throw new IllegalArgumentException("root step inside a traversal: " + root.name());
                case Traverser.Attribute attribute -> attribute(evaluator, current, attribute.name(), attribute.range(), context);
                case Traverser.Index index -> index(evaluator, current, index.key(), index.range(), context);
            };
            if (next == null) {
                return Evaluator.failed();
            }
            current = next;
        }
        return current;
    }

    /** {@code value.name}; null after reporting a problem. */
    static Value attribute(Evaluator evaluator, Value value, String name, SourceRange subject, SourceRange context)
    {
        boolean sensitive = value.sensitive();
        if (value.isNull()) {
            evaluator.error("Attempt to get attribute from null value", "This value is null, so it does not have any attributes.", subject, context);
            return null;
        }
        Value result = switch (value) {
            case Value.Unknown unknown -> attributeOfUnknown(evaluator, unknown.type(), name, subject, context);
            case Value.ObjectValue object -> {
                Value attribute = object.attributes().get(name);
                if (attribute == null) {
                    evaluator.error("Unsupported attribute",
                            "This object does not have an attribute named " + Evaluator.quote(name) + "." + DidYouMean.sentence(name, object.attributes().keySet()),
                            subject, context);
                }
                yield attribute;
            }
            case Value.MapValue map -> {
                Value element = map.entries().get(name);
                if (element == null) {
                    evaluator.error("Missing map element", "This map does not have an element with the key " + Evaluator.quote(name) + ".", subject, context);
                }
                yield element;
            }
            default -> {
                evaluator.error("Unsupported attribute", noAttributesDetail(value.type()), subject, context);
                yield null;
            }
        };
        return result == null ? null : Evaluator.mark(result, sensitive);
    }

    private static Value attributeOfUnknown(Evaluator evaluator, Type type, String name, SourceRange subject, SourceRange context)
    {
        return switch (type) {
            case Type.Dynamic ignored -> Value.unknown(Type.DYNAMIC);
            case Type.ObjectType object -> {
                Type attribute = object.attributes().get(name);
                if (attribute == null) {
                    evaluator.error("Unsupported attribute",
                            "This object does not have an attribute named " + Evaluator.quote(name) + "." + DidYouMean.sentence(name, object.attributes().keySet()),
                            subject, context);
                    yield null;
                }
                yield Value.unknown(attribute);
            }
            case Type.MapType map -> Value.unknown(map.element());
            default -> {
                evaluator.error("Unsupported attribute", noAttributesDetail(type), subject, context);
                yield null;
            }
        };
    }

    private static String noAttributesDetail(Type type)
    {
        return switch (type) {
            case Type.ListType ignored -> "Can't access attributes on a list. Did you mean to access an attribute of a specific element of the list, or across all elements of the list with a splat ([*])?";
            case Type.TupleType ignored -> "Can't access attributes on a tuple. Did you mean to access an attribute of a specific element, or across all elements with a splat ([*])?";
            case Type.SetType ignored -> "Can't access attributes on a set. Did you mean to access an attribute across all elements of the set with a splat ([*])?";
            default -> "Can't access attributes on a value of type " + type.friendlyName() + ".";
        };
    }

    /** {@code collection[key]}; null after reporting a problem. */
    static Value index(Evaluator evaluator, Value collection, Value key, SourceRange subject, SourceRange context)
    {
        boolean sensitive = collection.sensitive() || key.sensitive();
        if (collection.isNull()) {
            evaluator.error("Attempt to index null value", "This value is null, so it does not have any indices.", subject, context);
            return null;
        }
        if (key.isNull()) {
            evaluator.error("Invalid index", "Can't use a null value as an indexing key.", subject, context);
            return null;
        }
        Value result = switch (collection) {
            case Value.Unknown unknown -> indexUnknown(evaluator, unknown.type(), key, subject, context);
            case Value.ListValue list -> key.isKnown() ? position(evaluator, list.elements(), key, subject, context) : Value.unknown(list.elementType());
            case Value.TupleValue tuple -> key.isKnown() ? position(evaluator, tuple.elements(), key, subject, context) : Value.unknown(Type.DYNAMIC);
            case Value.MapValue map -> key.isKnown() ? mapEntry(evaluator, map, key, subject, context) : Value.unknown(map.elementType());
            case Value.ObjectValue object -> key.isKnown() ? objectAttribute(evaluator, object, key, subject, context) : Value.unknown(Type.DYNAMIC);
            case Value.SetValue ignored -> {
                evaluator.error("Invalid index",
                        "Elements of a set are identified only by their value and don't have any separate index or key to select with, so it's only possible to perform operations across all elements of the set.",
                        subject, context);
                yield null;
            }
            default -> {
                evaluator.error("Invalid index", "This value does not have any indices.", subject, context);
                yield null;
            }
        };
        return result == null ? null : Evaluator.mark(result, sensitive);
    }

    private static Value indexUnknown(Evaluator evaluator, Type type, Value key, SourceRange subject, SourceRange context)
    {
        return switch (type) {
            case Type.ListType list -> Value.unknown(list.element());
            case Type.MapType map -> Value.unknown(map.element());
            case Type.SetType ignored -> index(evaluator, Value.set(Type.DYNAMIC, List.of()), key, subject, context);
            case Type.Primitive ignored -> index(evaluator, Value.bool(false), key, subject, context);
            case Type.TupleType tuple -> shapeOnly(evaluator, Value.tuple(tuple.elements().stream().<Value>map(Value::unknown).toList()), key, subject, context);
            case Type.ObjectType object -> {
                Map<String, Value> attributes = new TreeMap<>();
                object.attributes().forEach((name, attribute) -> attributes.put(name, Value.unknown(attribute)));
                yield shapeOnly(evaluator, Value.object(attributes), key, subject, context);
            }
            case Type.Dynamic ignored -> Value.unknown(Type.DYNAMIC);
        };
    }

    /** Indexes a stand-in of unknown elements with the unknown value's shape, so a known key is still checked and typed. */
    private static Value shapeOnly(Evaluator evaluator, Value standIn, Value key, SourceRange subject, SourceRange context)
    {
        return key.isKnown() ? index(evaluator, standIn, key, subject, context) : Value.unknown(Type.DYNAMIC);
    }

    private static Value position(Evaluator evaluator, List<Value> elements, Value key, SourceRange subject, SourceRange context)
    {
        BigDecimal number;
        try {
            number = ((Value.NumberValue) Conversion.convert(key, Type.NUMBER)).value();
        }
        catch (ConversionException exception) {
            evaluator.error("Invalid index", "The given key does not identify an element in this collection value: " + exception.getMessage() + ".", subject, context);
            return null;
        }
        if (number.signum() < 0) {
            evaluator.error("Invalid index", "The given key does not identify an element in this collection value: a negative number is not a valid index for a sequence.", subject, context);
            return null;
        }
        if (number.stripTrailingZeros().scale() > 0) {
            evaluator.error("Invalid index", "The given key does not identify an element in this collection value: indexes must be whole numbers.", subject, context);
            return null;
        }
        if (number.compareTo(BigDecimal.valueOf(elements.size())) >= 0) {
            evaluator.error("Invalid index", "The given key does not identify an element in this collection value: the collection has "
                    + elements.size() + (elements.size() == 1 ? " element." : " elements."), subject, context);
            return null;
        }
        return elements.get(number.intValueExact());
    }

    private static Value mapEntry(Evaluator evaluator, Value.MapValue map, Value key, SourceRange subject, SourceRange context)
    {
        String name = keyString(evaluator, key, subject, context);
        if (name == null) {
            return null;
        }
        Value element = map.entries().get(name);
        if (element == null) {
            evaluator.error("Invalid index", "The given key does not identify an element in this collection value.", subject, context);
        }
        return element;
    }

    private static Value objectAttribute(Evaluator evaluator, Value.ObjectValue object, Value key, SourceRange subject, SourceRange context)
    {
        String name = keyString(evaluator, key, subject, context);
        if (name == null) {
            return null;
        }
        Value attribute = object.attributes().get(name);
        if (attribute == null) {
            evaluator.error("Invalid index",
                    "The given key does not identify an element in this collection value." + DidYouMean.sentence(name, object.attributes().keySet()),
                    subject, context);
        }
        return attribute;
    }

    private static String keyString(Evaluator evaluator, Value key, SourceRange subject, SourceRange context)
    {
        try {
            return ((Value.StringValue) Conversion.convert(key, Type.STRING)).value();
        }
        catch (ConversionException exception) {
            evaluator.error("Invalid index", "The given key does not identify an element in this collection value: " + exception.getMessage() + ".", subject, context);
            return null;
        }
    }
}
