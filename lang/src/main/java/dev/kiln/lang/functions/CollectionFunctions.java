package dev.kiln.lang.functions;

import dev.kiln.lang.eval.Function;
import dev.kiln.lang.eval.FunctionException;
import dev.kiln.lang.value.Conversion;
import dev.kiln.lang.value.ConversionException;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Types;
import dev.kiln.lang.value.Value;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Reading collections: {@code length}, {@code keys}, {@code values}, {@code lookup}, {@code contains}, {@code element}, {@code slice}, {@code reverse}, {@code one}. */
final class CollectionFunctions
{
    private static final Type.ListType LIST_OF_STRING = new Type.ListType(Type.STRING);

    private CollectionFunctions() {}

    static List<Function> all()
    {
        return List.of(length(), keys(), values(), lookup(), contains(), element(), slice(), reverse(), one());
    }

    private static Parameter passThrough(String name)
    {
        return Parameter.of(name, Type.DYNAMIC).allowingUnknown().allowingSensitive();
    }

    private static Function length()
    {
        return StandardFunction.builder("length")
                .parameter(passThrough("value"))
                .returns(Type.NUMBER)
                .implementation(call -> {
                    Value value = call.argument(0);
                    Type type = value.type();
                    if (type instanceof Type.TupleType tuple) {
                        return Value.number(tuple.elements().size());
                    }
                    if (type instanceof Type.ObjectType object) {
                        return Value.number(object.attributes().size());
                    }
                    if (!(type == Type.STRING || type == Type.DYNAMIC || Containers.isSequence(type) || Containers.isMapping(type))) {
                        throw call.error(0, "argument must be a string, a collection type, or a structural type");
                    }
                    if (!value.isKnown() || (value instanceof Value.SetValue set && !set.isWhollyKnown())) {
                        return Value.unknown(Type.NUMBER);
                    }
                    if (value instanceof Value.StringValue string) {
                        return Value.number(Graphemes.count(string.value()));
                    }
                    int size = value.asSequence().map(List::size)
                            .orElseGet(() -> value.asMapping().orElseThrow().size());
                    return Value.number(size);
                });
    }

    private static Function keys()
    {
        return StandardFunction.builder("keys")
                .parameter(passThrough("inputMap"))
                .returns(call -> keysType(call, call.argument(0).type()))
                .implementation(call -> {
                    Value value = call.argument(0);
                    Type type = keysType(call, value.type());
                    if (!value.isKnown()) {
                        return value.type() instanceof Type.ObjectType object
                                ? Value.tuple(object.attributes().keySet().stream().<Value>map(Value::string).toList())
                                : Value.unknown(type);
                    }
                    List<Value> names = value.asMapping().orElseThrow().keySet().stream().<Value>map(Value::string).toList();
                    return value instanceof Value.ObjectValue ? Value.tuple(names) : Value.list(Type.STRING, names);
                });
    }

    private static Type keysType(Call call, Type type)
            throws FunctionException
    {
        return switch (type) {
            case Type.MapType ignored -> LIST_OF_STRING;
            case Type.ObjectType object -> new Type.TupleType(Collections.nCopies(object.attributes().size(), Type.STRING));
            case Type.Dynamic ignored -> Type.DYNAMIC;
            case Type.Primitive ignored -> throw call.error(0, "must have map or object type");
            case Type.ListType ignored -> throw call.error(0, "must have map or object type");
            case Type.SetType ignored -> throw call.error(0, "must have map or object type");
            case Type.TupleType ignored -> throw call.error(0, "must have map or object type");
        };
    }

    private static Function values()
    {
        return StandardFunction.builder("values")
                .parameter(passThrough("mapping"))
                .returns(call -> valuesType(call, call.argument(0).type()))
                .implementation(call -> {
                    Value value = call.argument(0);
                    Type type = valuesType(call, value.type());
                    if (!value.isKnown()) {
                        return Value.unknown(type);
                    }
                    List<Value> elements = List.copyOf(value.asMapping().orElseThrow().values());
                    return value instanceof Value.MapValue map ? Value.list(map.elementType(), elements) : Value.tuple(elements);
                });
    }

    private static Type valuesType(Call call, Type type)
            throws FunctionException
    {
        return switch (type) {
            case Type.MapType map -> new Type.ListType(map.element());
            case Type.ObjectType object -> new Type.TupleType(List.copyOf(object.attributes().values()));
            case Type.Dynamic ignored -> Type.DYNAMIC;
            case Type.Primitive ignored -> throw call.error(0, "must have map or object type");
            case Type.ListType ignored -> throw call.error(0, "must have map or object type");
            case Type.SetType ignored -> throw call.error(0, "must have map or object type");
            case Type.TupleType ignored -> throw call.error(0, "must have map or object type");
        };
    }

    private static Function lookup()
    {
        return StandardFunction.builder("lookup")
                .parameter(passThrough("inputMap"))
                .parameter("key", Type.STRING)
                .variadic(passThrough("default").allowingNull())
                .returns(CollectionFunctions::lookupType)
                .implementation(call -> {
                    if (call.count() > 3) {
                        throw new FunctionException("Too many function arguments: function \"lookup\" expects at most 3 argument(s).");
                    }
                    Value map = call.argument(0);
                    if (!(Containers.isMapping(map.type()) || map.type() == Type.DYNAMIC)) {
                        throw call.error(0, "must have map or object type");
                    }
                    Type type = lookupType(call);
                    if (!map.isKnown()) {
                        return Value.unknown(type);
                    }
                    Value found = map.asMapping().orElseThrow().get(call.string(1));
                    if (found == null && call.count() == 3) {
                        found = call.argument(2);
                    }
                    if (found != null) {
                        return map instanceof Value.MapValue ? convertTo(found, type) : found;
                    }
                    throw new FunctionException(1, "lookup failed to find key " + call.show(1) + ".");
                });
    }

    /** A map's element type, unified with the default's type when there is one; for objects, the attribute's or default's own type. */
    private static Type lookupType(Call call)
    {
        Type mapType = call.argument(0).type();
        if (!(mapType instanceof Type.MapType map)) {
            return Type.DYNAMIC;
        }
        if (call.count() < 3) {
            return map.element();
        }
        return Types.unify(List.of(map.element(), call.argument(2).type())).orElse(Type.DYNAMIC);
    }

    private static Value convertTo(Value value, Type type)
            throws FunctionException
    {
        try {
            return Conversion.convert(value, type);
        }
        catch (ConversionException e) {
            throw new FunctionException(2, "the default value does not match the map's element type: " + e.getMessage());
        }
    }

    private static Function contains()
    {
        return StandardFunction.builder("contains")
                .parameter(Parameter.of("list", Type.DYNAMIC).allowingUnknown())
                .parameter(Parameter.of("value", Type.DYNAMIC).allowingUnknown().allowingNull())
                .returns(Type.BOOL)
                .implementation(call -> {
                    Value list = call.argument(0);
                    if (!(Containers.isSequence(list.type()) || list.type() == Type.DYNAMIC)) {
                        throw call.error(0, "argument must be list, tuple, or set");
                    }
                    Value wanted = call.argument(1);
                    if (!list.isKnown() || !wanted.isWhollyKnown()) {
                        return Value.unknown(Type.BOOL);
                    }
                    boolean uncertain = false;
                    for (Value element : list.asSequence().orElseThrow()) {
                        if (!element.isWhollyKnown()) {
                            uncertain = true;
                        }
                        else if (element.equals(wanted)) {
                            return Value.bool(true);
                        }
                    }
                    return uncertain ? Value.unknown(Type.BOOL) : Value.bool(false);
                });
    }

    private static Function element()
    {
        return StandardFunction.builder("element")
                .parameter(passThrough("list"))
                .parameter("index", Type.NUMBER)
                .returns(call -> Containers.elementType(call.argument(0).type()))
                .implementation(call -> {
                    Value list = call.argument(0);
                    Type type = list.type();
                    if (!(type instanceof Type.ListType || type instanceof Type.TupleType || type == Type.DYNAMIC)) {
                        throw call.error(0, "must be a list or tuple, not " + Containers.describe(type));
                    }
                    if (!list.isKnown()) {
                        return Value.unknown(Containers.elementType(type));
                    }
                    List<Value> elements = list.asSequence().orElseThrow();
                    int index = call.integer(1);
                    if (elements.isEmpty()) {
                        throw new FunctionException(0, "cannot use element function with an empty list");
                    }
                    return elements.get(Math.floorMod(index, elements.size()));
                });
    }

    private static Function slice()
    {
        return StandardFunction.builder("slice")
                .parameter(passThrough("list"))
                .parameter("start_index", Type.NUMBER)
                .parameter("end_index", Type.NUMBER)
                .returns(call -> call.argument(0).type() instanceof Type.ListType listType ? listType : Type.DYNAMIC)
                .implementation(call -> {
                    Value list = call.argument(0);
                    if (!(list.type() instanceof Type.ListType || list.type() instanceof Type.TupleType || list.type() == Type.DYNAMIC)) {
                        throw call.error(0, "must be a list or tuple, not " + Containers.describe(list.type()));
                    }
                    int start = call.integer(1);
                    int end = call.integer(2);
                    if (start < 0) {
                        throw call.error(1, "start index must not be less than zero");
                    }
                    if (!list.isKnown()) {
                        return Value.unknown(list.type() instanceof Type.ListType ? list.type() : Type.DYNAMIC);
                    }
                    List<Value> elements = list.asSequence().orElseThrow();
                    if (end > elements.size()) {
                        throw call.error(2, "end index must not be greater than the length of the list");
                    }
                    if (start > end) {
                        throw call.error(1, "start index must not be greater than end index");
                    }
                    List<Value> slice = elements.subList(start, end);
                    return list instanceof Value.ListValue listValue ? Value.list(listValue.elementType(), slice) : Value.tuple(slice);
                });
    }

    private static Function reverse()
    {
        return StandardFunction.builder("reverse")
                .parameter(passThrough("list"))
                .returns(call -> reversedType(call, call.argument(0).type()))
                .implementation(call -> {
                    Value list = call.argument(0);
                    Type type = reversedType(call, list.type());
                    if (!list.isKnown()) {
                        return Value.unknown(type);
                    }
                    List<Value> elements = new ArrayList<>(list.asSequence().orElseThrow());
                    Collections.reverse(elements);
                    return type instanceof Type.ListType listType ? Value.list(listType.element(), elements) : Value.tuple(elements);
                });
    }

    private static Type reversedType(Call call, Type type)
            throws FunctionException
    {
        return switch (type) {
            case Type.ListType list -> list;
            case Type.SetType set -> new Type.ListType(set.element());
            case Type.TupleType tuple -> {
                List<Type> elements = new ArrayList<>(tuple.elements());
                Collections.reverse(elements);
                yield new Type.TupleType(elements);
            }
            case Type.Dynamic ignored -> Type.DYNAMIC;
            case Type.Primitive ignored -> throw call.error(0, "can only reverse list or tuple values, not " + Containers.describe(type));
            case Type.MapType ignored -> throw call.error(0, "can only reverse list or tuple values, not " + Containers.describe(type));
            case Type.ObjectType ignored -> throw call.error(0, "can only reverse list or tuple values, not " + Containers.describe(type));
        };
    }

    private static Function one()
    {
        return StandardFunction.builder("one")
                .parameter(passThrough("list"))
                .returns(call -> Containers.elementType(call.argument(0).type()))
                .implementation(call -> {
                    Value list = call.argument(0);
                    if (!(Containers.isSequence(list.type()) || list.type() == Type.DYNAMIC)) {
                        throw call.error(0, "must be a list, set, or tuple value with either zero or one elements");
                    }
                    if (!list.isKnown()) {
                        return Value.unknown(Containers.elementType(list.type()));
                    }
                    List<Value> elements = list.asSequence().orElseThrow();
                    return switch (elements.size()) {
                        case 0 -> Value.nullOf(Containers.elementType(list.type()));
                        case 1 -> elements.getFirst();
                        default -> throw call.error(0, "must be a list, set, or tuple value with either zero or one elements");
                    };
                });
    }
}
