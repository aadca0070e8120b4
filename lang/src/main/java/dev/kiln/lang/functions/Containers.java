package dev.kiln.lang.functions;

import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;

/** Questions about container types: sequences (list, set, tuple) and mappings (map, object). */
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
