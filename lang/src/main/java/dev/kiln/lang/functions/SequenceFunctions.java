package dev.kiln.lang.functions;

import dev.kiln.lang.eval.Function;
import dev.kiln.lang.eval.FunctionException;
import dev.kiln.lang.value.Conversion;
import dev.kiln.lang.value.ConversionException;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Types;
import dev.kiln.lang.value.Value;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Building and choosing from sequences: {@code concat}, {@code distinct}, {@code flatten},
 * {@code range}, {@code setunion}, {@code sort}, {@code coalesce}, {@code coalescelist},
 * {@code alltrue}, {@code anytrue}.
 */
final class SequenceFunctions
{
    private static final int RANGE_LIMIT = 1024;
    private static final Type.ListType LIST_OF_BOOL = new Type.ListType(Type.BOOL);

    private SequenceFunctions() {}

    static List<Function> all()
    {
        return List.of(concat(), distinct(), flatten(), range(), setunion(), sort(), coalesce(), coalescelist(), alltrue(), anytrue());
    }

    private static Parameter passThrough(String name)
    {
        return Parameter.of(name, Type.DYNAMIC).allowingUnknown().allowingSensitive();
    }

    private static Function concat()
    {
        return StandardFunction.builder("concat")
                .variadic(passThrough("seqs"))
                .returns(SequenceFunctions::concatType)
                .implementation(call -> {
                    Type type = concatType(call);
                    List<Value> elements = new ArrayList<>();
                    for (Value sequence : call.argumentsFrom(0)) {
                        if (!sequence.isKnown()) {
                            return Value.unknown(type);
                        }
                        elements.addAll(sequence.asSequence().orElseThrow());
                    }
                    return type instanceof Type.ListType list ? Value.list(list.element(), elements) : Value.tuple(elements);
                });
    }

    private static Type concatType(Call call)
            throws FunctionException
    {
        LinkedHashSet<Type> listElements = new LinkedHashSet<>();
        boolean onlyLists = true;
        for (int index = 0; index < call.count(); index++) {
            Type type = call.argument(index).type();
            if (type instanceof Type.ListType list) {
                listElements.add(list.element());
            }
            else if (type instanceof Type.TupleType || type == Type.DYNAMIC) {
                onlyLists = false;
            }
            else {
                throw call.error(index, "all arguments must be lists or tuples; got " + Containers.describe(type));
            }
        }
        if (onlyLists && listElements.size() == 1) {
            return new Type.ListType(listElements.getFirst());
        }
        return Type.DYNAMIC;
    }

    private static Function distinct()
    {
        return StandardFunction.builder("distinct")
                .parameter("list", new Type.ListType(Type.DYNAMIC))
                .returns(call -> call.argument(0).type())
                .implementation(call -> {
                    Value.ListValue list = (Value.ListValue) call.argument(0);
                    return Value.list(list.elementType(), List.copyOf(new LinkedHashSet<>(list.elements())));
                });
    }

    private static Function flatten()
    {
        return StandardFunction.builder("flatten")
                .parameter(Parameter.of("list", Type.DYNAMIC).allowingUnknown())
                .returns(Type.DYNAMIC)
                .implementation(call -> {
                    Value list = call.argument(0);
                    if (!(Containers.isSequence(list.type()) || list.type() == Type.DYNAMIC)) {
                        throw call.error(0, "can only flatten lists, sets and tuples");
                    }
                    List<Value> result = new ArrayList<>();
                    return flattenInto(list, result) ? Value.tuple(result) : Value.unknown(Type.DYNAMIC);
                });
    }

    /** Adds the leaves of {@code sequence} to {@code result}; false when an unknown sequence hides them. */
    private static boolean flattenInto(Value sequence, List<Value> result)
    {
        if (!sequence.isKnown()) {
            return false;
        }
        for (Value element : sequence.asSequence().orElseThrow()) {
            boolean nested = Containers.isSequence(element.type()) && !element.isNull();
            if (!element.isKnown() && (nested || element.type() == Type.DYNAMIC)) {
                return false;
            }
            if (nested) {
                if (!flattenInto(element, result)) {
                    return false;
                }
            }
            else {
                result.add(element);
            }
        }
        return true;
    }

    private static Function range()
    {
        return StandardFunction.builder("range")
                .variadic("params", Type.NUMBER)
                .returns(new Type.ListType(Type.NUMBER))
                .implementation(call -> {
                    if (call.count() == 0 || call.count() > 3) {
                        throw new FunctionException((call.count() == 0 ? "Not enough" : "Too many")
                                + " function arguments: function \"range\" expects one, two, or three arguments.");
                    }
                    BigDecimal start = call.count() == 1 ? BigDecimal.ZERO : call.number(0);
                    BigDecimal limit = call.count() == 1 ? call.number(0) : call.number(1);
                    BigDecimal step = call.count() == 3 ? call.number(2) : BigDecimal.valueOf(limit.compareTo(start) >= 0 ? 1 : -1);
                    if (step.signum() == 0) {
                        throw call.error(2, "step must not be zero");
                    }
                    List<Value> numbers = new ArrayList<>();
                    for (BigDecimal number = start; step.signum() > 0 ? number.compareTo(limit) < 0 : number.compareTo(limit) > 0; number = number.add(step)) {
                        if (numbers.size() == RANGE_LIMIT) {
                            throw new FunctionException("more than " + RANGE_LIMIT + " values were generated; either decrease the difference between start and limit or use a larger step value");
                        }
                        numbers.add(Value.number(number));
                    }
                    return Value.list(Type.NUMBER, numbers);
                });
    }

    private static Function setunion()
    {
        return StandardFunction.builder("setunion")
                .parameter("first_set", new Type.SetType(Type.DYNAMIC))
                .variadic("other_sets", new Type.SetType(Type.DYNAMIC))
                .returns(call -> new Type.SetType(Type.DYNAMIC))
                .implementation(call -> {
                    List<Value> elements = new ArrayList<>();
                    List<Type> types = new ArrayList<>();
                    for (Value set : call.argumentsFrom(0)) {
                        elements.addAll(((Value.SetValue) set).elements());
                        types.add(((Value.SetValue) set).elementType());
                    }
                    Optional<Type> elementType = Types.unify(types);
                    if (elementType.isEmpty()) {
                        throw new FunctionException("given sets must all have compatible element types");
                    }
                    List<Value> converted = new ArrayList<>();
                    for (Value element : elements) {
                        converted.add(convertUnified(element, elementType.get()));
                    }
                    return Value.set(elementType.get(), converted);
                });
    }

    /** Converts a value to the type {@link Types#unify} chose for it, which it always converts to. */
    private static Value convertUnified(Value value, Type type)
    {
        try {
            return Conversion.convert(value, type);
        }
        catch (ConversionException e) {
            throw new IllegalStateException("value of type " + value.type().friendlyName() + " does not convert to its unified type " + type.friendlyName(), e);
        }
    }

    private static Function sort()
    {
        return StandardFunction.builder("sort")
                .parameter("list", new Type.ListType(Type.STRING))
                .returns(new Type.ListType(Type.STRING))
                .implementation(call -> {
                    List<Value> elements = ((Value.ListValue) call.argument(0)).elements();
                    List<String> strings = new ArrayList<>();
                    for (int index = 0; index < elements.size(); index++) {
                        if (!(elements.get(index) instanceof Value.StringValue string)) {
                            throw call.error(0, "given list element " + index + " is null; a null string cannot be sorted");
                        }
                        strings.add(string.value());
                    }
                    return Value.list(Type.STRING, strings.stream().sorted().<Value>map(Value::string).toList());
                });
    }

    private static Function coalesce()
    {
        return StandardFunction.builder("coalesce")
                .variadic(passThrough("vals").allowingNull())
                .returns(call -> Types.unify(call.argumentsFrom(0).stream().map(Value::type).toList()).orElse(Type.DYNAMIC))
                .implementation(call -> {
                    if (call.count() == 0) {
                        throw new FunctionException("Not enough function arguments: function \"coalesce\" expects at least one argument.");
                    }
                    Optional<Type> type = Types.unify(call.argumentsFrom(0).stream().map(Value::type).toList());
                    if (type.isEmpty()) {
                        throw new FunctionException("all arguments must have the same type");
                    }
                    for (Value argument : call.argumentsFrom(0)) {
                        if (argument.isNull()) {
                            continue;
                        }
                        if (!argument.isKnown()) {
                            return Value.unknown(type.get());
                        }
                        Value converted = convertUnified(argument.unmarkedDeep(), type.get());
                        if (converted instanceof Value.StringValue string && string.value().isEmpty()) {
                            continue;
                        }
                        return Marks.mark(converted, argument.containsSensitive());
                    }
                    throw new FunctionException("no non-null, non-empty-string arguments");
                });
    }

    private static Function coalescelist()
    {
        return StandardFunction.builder("coalescelist")
                .variadic(passThrough("vals"))
                .returns(Type.DYNAMIC)
                .implementation(call -> {
                    for (int index = 0; index < call.count(); index++) {
                        Value list = call.argument(index);
                        Type type = list.type();
                        if (!(type instanceof Type.ListType || type instanceof Type.TupleType || type == Type.DYNAMIC)) {
                            throw call.error(index, "coalescelist arguments must be lists or tuples, got " + Containers.describe(type));
                        }
                        if (!list.isKnown()) {
                            return Value.unknown(Type.DYNAMIC);
                        }
                        if (!list.asSequence().orElseThrow().isEmpty()) {
                            return list;
                        }
                    }
                    throw new FunctionException("no non-null arguments");
                });
    }

    private static Function alltrue()
    {
        return StandardFunction.builder("alltrue")
                .parameter(Parameter.of("list", LIST_OF_BOOL).allowingUnknown())
                .returns(Type.BOOL)
                .implementation(call -> {
                    if (!call.argument(0).isKnown()) {
                        return Value.unknown(Type.BOOL);
                    }
                    for (Value element : ((Value.ListValue) call.argument(0)).elements()) {
                        if (!element.isKnown()) {
                            return Value.unknown(Type.BOOL);
                        }
                        if (element.isNull() || !((Value.BoolValue) element).value()) {
                            return Value.bool(false);
                        }
                    }
                    return Value.bool(true);
                });
    }

    private static Function anytrue()
    {
        return StandardFunction.builder("anytrue")
                .parameter(Parameter.of("list", LIST_OF_BOOL).allowingUnknown())
                .returns(Type.BOOL)
                .implementation(call -> {
                    if (!call.argument(0).isKnown()) {
                        return Value.unknown(Type.BOOL);
                    }
                    boolean uncertain = false;
                    for (Value element : ((Value.ListValue) call.argument(0)).elements()) {
                        if (!element.isKnown()) {
                            uncertain = true;
                        }
                        else if (element instanceof Value.BoolValue bool && bool.value()) {
                            return Value.bool(true);
                        }
                    }
                    return uncertain ? Value.unknown(Type.BOOL) : Value.bool(false);
                });
    }
}
