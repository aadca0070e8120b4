package dev.kiln.lang.functions;

import dev.kiln.lang.eval.Function;
import dev.kiln.lang.eval.FunctionException;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** Building maps and objects: {@code merge}, {@code zipmap}. */
final class MappingFunctions
{
    private MappingFunctions() {}

    static List<Function> all()
    {
        return List.of(merge(), zipmap());
    }

    private static Function merge()
    {
        return StandardFunction.builder("merge")
                .variadic(Parameter.of("maps", Type.DYNAMIC).allowingUnknown().allowingSensitive().allowingNull())
                .returns(MappingFunctions::mergeType)
                .implementation(call -> {
                    Type type = mergeType(call);
                    SortedMap<String, Value> merged = new TreeMap<>();
                    for (Value mapping : call.argumentsFrom(0)) {
                        if (!mapping.isKnown()) {
                            return Value.unknown(type);
                        }
                        if (!mapping.isNull()) {
                            merged.putAll(mapping.asMapping().orElseThrow());
                        }
                    }
                    return type instanceof Type.MapType map ? Value.map(map.element(), merged) : Value.object(merged);
                });
    }

    private static Type mergeType(Call call)
            throws FunctionException
    {
        LinkedHashSet<Type> mapElements = new LinkedHashSet<>();
        boolean onlyMaps = true;
        for (int index = 0; index < call.count(); index++) {
            Value argument = call.argument(index);
            Type type = argument.type();
            if (type instanceof Type.MapType map) {
                if (!argument.isNull()) {
                    mapElements.add(map.element());
                }
            }
            else if (type instanceof Type.ObjectType || type == Type.DYNAMIC) {
                onlyMaps &= argument.isNull();
            }
            else {
                throw call.error(index, "arguments must be maps or objects, got " + Containers.describe(type));
            }
        }
        if (onlyMaps && mapElements.size() <= 1) {
            return new Type.MapType(mapElements.isEmpty() ? Type.DYNAMIC : mapElements.getFirst());
        }
        return Type.DYNAMIC;
    }

    private static Function zipmap()
    {
        return StandardFunction.builder("zipmap")
                .parameter("keys", new Type.ListType(Type.STRING))
                .parameter(Parameter.of("values", Type.DYNAMIC).allowingUnknown().allowingSensitive())
                .returns(call -> call.argument(1).type() instanceof Type.ListType list ? new Type.MapType(list.element()) : Type.DYNAMIC)
                .implementation(call -> {
                    Value values = call.argument(1);
                    if (!(values.type() instanceof Type.ListType || values.type() instanceof Type.TupleType || values.type() == Type.DYNAMIC)) {
                        throw call.error(1, "must be a list or tuple, not " + Containers.describe(values.type()));
                    }
                    if (!values.isKnown()) {
                        return Value.unknown(values.type() instanceof Type.ListType list ? new Type.MapType(list.element()) : Type.DYNAMIC);
                    }
                    List<Value> keys = ((Value.ListValue) call.argument(0)).elements();
                    List<Value> elements = values.asSequence().orElseThrow();
                    if (keys.size() != elements.size()) {
                        throw new FunctionException("number of keys (" + keys.size() + ") does not match number of values (" + elements.size() + ")");
                    }
                    SortedMap<String, Value> result = new TreeMap<>();
                    for (int index = 0; index < keys.size(); index++) {
                        if (!(keys.get(index) instanceof Value.StringValue key)) {
                            throw call.error(0, "keys list has null value at index " + index);
                        }
                        result.put(key.value(), elements.get(index));
                    }
                    return values instanceof Value.ListValue list ? Value.map(list.elementType(), result) : Value.object(result);
                });
    }
}
