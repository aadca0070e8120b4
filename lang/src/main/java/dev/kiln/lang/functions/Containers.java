package dev.kiln.lang.functions;

import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;

import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/** Reading the elements of sequences (list, set, tuple) and the entries of mappings (map, object). */
final class Containers
{
    private Containers() {}

    static boolean isSequence(Type type)
    {
        return type instanceof Type.ListType || type instanceof Type.SetType || type instanceof Type.TupleType;
    }

    static boolean isMapping(Type type)
    {
        return type instanceof Type.MapType || type instanceof Type.ObjectType;
    }

    /** The elements of a known list, set or tuple. */
    static Optional<List<Value>> elements(Value value)
    {
        return switch (value) {
            case Value.ListValue list -> Optional.of(list.elements());
            case Value.SetValue set -> Optional.of(set.elements());
            case Value.TupleValue tuple -> Optional.of(tuple.elements());
            case Value.MapValue ignored -> Optional.empty();
            case Value.ObjectValue ignored -> Optional.empty();
            case Value.StringValue ignored -> Optional.empty();
            case Value.NumberValue ignored -> Optional.empty();
            case Value.BoolValue ignored -> Optional.empty();
            case Value.Null ignored -> Optional.empty();
            case Value.Unknown ignored -> Optional.empty();
        };
    }

    /** The entries of a known map or object, by key. */
    static Optional<SortedMap<String, Value>> entries(Value value)
    {
        return switch (value) {
            case Value.MapValue map -> Optional.of(map.entries());
            case Value.ObjectValue object -> Optional.of(object.attributes());
            case Value.ListValue ignored -> Optional.empty();
            case Value.SetValue ignored -> Optional.empty();
            case Value.TupleValue ignored -> Optional.empty();
            case Value.StringValue ignored -> Optional.empty();
            case Value.NumberValue ignored -> Optional.empty();
            case Value.BoolValue ignored -> Optional.empty();
            case Value.Null ignored -> Optional.empty();
            case Value.Unknown ignored -> Optional.empty();
        };
    }

    /** The type of the elements of a list, set or map type; for tuples and objects the one type all share, else {@code any}. */
    static Type elementType(Type type)
    {
        return switch (type) {
            case Type.ListType list -> list.element();
            case Type.SetType set -> set.element();
            case Type.MapType map -> map.element();
            case Type.TupleType tuple -> tuple.elements().stream().distinct().count() == 1 ? tuple.elements().getFirst() : Type.DYNAMIC;
            case Type.ObjectType object -> object.attributes().values().stream().distinct().count() == 1 ? object.attributes().firstEntry().getValue() : Type.DYNAMIC;
            case Type.Primitive ignored -> Type.DYNAMIC;
            case Type.Dynamic ignored -> Type.DYNAMIC;
        };
    }

    static String describe(Type type)
    {
        return switch (type) {
            case Type.ListType list -> "list of " + list.element().friendlyName();
            case Type.SetType set -> "set of " + set.element().friendlyName();
            case Type.MapType map -> "map of " + map.element().friendlyName();
            case Type.TupleType ignored -> "tuple";
            case Type.ObjectType ignored -> "object";
            case Type.Primitive primitive -> primitive.friendlyName();
            case Type.Dynamic ignored -> "dynamic value";
        };
    }
}
