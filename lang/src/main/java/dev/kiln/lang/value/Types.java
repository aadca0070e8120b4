package dev.kiln.lang.value;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * Type-level rules shared by conversion, unification and the evaluator: which types convert
 * to which (cty's rules, string to number and bool included), the common type of several
 * values, and the type a conversion to a partly dynamic type produces.
 */
public final class Types
{
    private Types() {}

    /**
     * The type all the given types convert to, as cty unifies: equal types give themselves,
     * objects with the same attributes unify attribute by attribute (else to a map), tuples of
     * one length element by element (else to a list), mixed primitives to string; empty when
     * there is none.
     */
    public static Optional<Type> unify(List<Type> types)
    {
        requireNonNull(types, "types is null");
        if (types.isEmpty()) {
            return Optional.empty();
        }
        if (types.stream().distinct().count() == 1) {
            return Optional.of(types.getFirst());
        }
        List<Type> objects = types.stream().filter(Type.ObjectType.class::isInstance).toList();
        List<Type> tuples = types.stream().filter(Type.TupleType.class::isInstance).toList();
        long dynamic = types.stream().filter(type -> type == Type.DYNAMIC).count();
        if (!objects.isEmpty() && !tuples.isEmpty()) {
            return Optional.empty();
        }
        if (!objects.isEmpty() && objects.size() + dynamic == types.size()) {
            return unifyObjects(objects).filter(unified -> allConvert(objects, unified));
        }
        if (!tuples.isEmpty() && tuples.size() + dynamic == types.size()) {
            return unifyTuples(tuples).filter(unified -> allConvert(tuples, unified));
        }
        List<Type> preferred = types.stream().distinct().sorted(Comparator.comparingInt(Types::preference)).toList();
        for (Type candidate : preferred) {
            if (allConvert(types, candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static boolean allConvert(List<Type> types, Type target)
    {
        return types.stream().allMatch(type -> canConvert(type, target));
    }

    /** Whether some value of type {@code from} may convert to {@code to} (a string only when it parses, a list to a tuple only when lengths match). */
    public static boolean canConvert(Type from, Type to)
    {
        return canConvert(from, to, false);
    }

    /**
     * Whether every value of type {@code from} converts to {@code to}: no string to number or
     * bool, no object losing attributes, no list or set to a tuple.
     */
    public static boolean canConvertSafely(Type from, Type to)
    {
        return canConvert(from, to, true);
    }

    private static boolean canConvert(Type from, Type to, boolean safe)
    {
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        if (from.equals(to) || from == Type.DYNAMIC || to == Type.DYNAMIC) {
            return true;
        }
        return switch (to) {
            case Type.Primitive primitive -> from instanceof Type.Primitive source && canConvertPrimitive(source, primitive, safe);
            case Type.Dynamic ignored -> true;
            case Type.ListType list -> canConvertToSequence(from, list.element(), safe);
            case Type.SetType set -> canConvertToSequence(from, set.element(), safe);
            case Type.MapType map -> canConvertToMap(from, map.element(), safe);
            case Type.TupleType tuple -> canConvertToTuple(from, tuple, safe);
            case Type.ObjectType object -> canConvertToObject(from, object, safe);
        };
    }

    /** Whether {@code type} is or contains {@code any}. */
    public static boolean containsDynamic(Type type)
    {
        return switch (type) {
            case Type.Primitive ignored -> false;
            case Type.Dynamic ignored -> true;
            case Type.ListType list -> containsDynamic(list.element());
            case Type.SetType set -> containsDynamic(set.element());
            case Type.MapType map -> containsDynamic(map.element());
            case Type.TupleType tuple -> tuple.elements().stream().anyMatch(Types::containsDynamic);
            case Type.ObjectType object -> object.attributes().values().stream().anyMatch(Types::containsDynamic);
        };
    }

    /**
     * The type a value of type {@code source} has once converted to {@code target}: the
     * target's {@code any} parts take the source's types, and object types lose their
     * optional markers.
     */
    public static Type refine(Type target, Type source)
    {
        return switch (target) {
            case Type.Primitive primitive -> primitive;
            case Type.Dynamic ignored -> source;
            case Type.ListType list -> new Type.ListType(refine(list.element(), elementOf(source)));
            case Type.SetType set -> new Type.SetType(refine(set.element(), elementOf(source)));
            case Type.MapType map -> new Type.MapType(refine(map.element(), elementOf(source)));
            case Type.TupleType tuple -> {
                List<Type> elements = new ArrayList<>();
                for (int index = 0; index < tuple.elements().size(); index++) {
                    elements.add(refine(tuple.elements().get(index), elementAt(source, index)));
                }
                yield new Type.TupleType(elements);
            }
            case Type.ObjectType object -> {
                TreeMap<String, Type> attributes = new TreeMap<>();
                object.attributes().forEach((name, type) -> attributes.put(name, refine(type, attributeOf(source, name))));
                yield new Type.ObjectType(attributes, Set.of());
            }
        };
    }

    /** The phrase for a value that is not of {@code target} at all: {@code a number is required}. */
    static String requiredMessage(Type target)
    {
        return switch (target) {
            case Type.Primitive primitive -> "a " + primitive.friendlyName() + " is required";
            case Type.Dynamic ignored -> "a value is required";
            case Type.ListType ignored -> "a list of " + elementName(target) + " is required";
            case Type.SetType ignored -> "a set of " + elementName(target) + " is required";
            case Type.MapType ignored -> "a map of " + elementName(target) + " is required";
            case Type.TupleType tuple -> "a tuple of " + tuple.elements().size() + " elements is required";
            case Type.ObjectType ignored -> "an object is required";
        };
    }

    private static String elementName(Type collection)
    {
        Type element = elementOf(collection);
        return element.friendlyName();
    }

    private static Type elementOf(Type type)
    {
        return switch (type) {
            case Type.ListType list -> list.element();
            case Type.SetType set -> set.element();
            case Type.MapType map -> map.element();
            case Type.TupleType tuple -> unify(tuple.elements()).orElse(Type.DYNAMIC);
            case Type.ObjectType object -> unify(List.copyOf(object.attributes().values())).orElse(Type.DYNAMIC);
            case Type.Primitive ignored -> Type.DYNAMIC;
            case Type.Dynamic ignored -> Type.DYNAMIC;
        };
    }

    private static Type elementAt(Type type, int index)
    {
        if (type instanceof Type.TupleType tuple) {
            return index < tuple.elements().size() ? tuple.elements().get(index) : Type.DYNAMIC;
        }
        return elementOf(type);
    }

    private static Type attributeOf(Type type, String name)
    {
        if (type instanceof Type.ObjectType object) {
            return object.attributes().getOrDefault(name, Type.DYNAMIC);
        }
        return elementOf(type);
    }

    private static boolean canConvertPrimitive(Type.Primitive from, Type.Primitive to, boolean safe)
    {
        return from == to || to == Type.STRING || from == Type.STRING && !safe;
    }

    private static boolean canConvertToSequence(Type from, Type element, boolean safe)
    {
        return switch (from) {
            case Type.ListType list -> canConvert(list.element(), element, safe);
            case Type.SetType set -> canConvert(set.element(), element, safe);
            case Type.TupleType tuple -> canConvertAll(tuple.elements(), element, safe);
            default -> false;
        };
    }

    private static boolean canConvertToMap(Type from, Type element, boolean safe)
    {
        return switch (from) {
            case Type.MapType map -> canConvert(map.element(), element, safe);
            case Type.ObjectType object -> canConvertAll(object.attributes().values(), element, safe);
            default -> false;
        };
    }

    private static boolean canConvertAll(Collection<Type> types, Type element, boolean safe)
    {
        if (types.isEmpty()) {
            return true;
        }
        if (element == Type.DYNAMIC) {
            return unify(List.copyOf(types)).isPresent();
        }
        return types.stream().allMatch(type -> canConvert(type, element, safe));
    }

    private static boolean canConvertToTuple(Type from, Type.TupleType tuple, boolean safe)
    {
        return switch (from) {
            case Type.TupleType source -> source.elements().size() == tuple.elements().size()
                    && allPairs(source.elements(), tuple.elements(), safe);
            case Type.ListType list -> !safe && tuple.elements().stream().allMatch(type -> canConvert(list.element(), type, false));
            case Type.SetType set -> !safe && tuple.elements().stream().allMatch(type -> canConvert(set.element(), type, false));
            default -> false;
        };
    }

    private static boolean allPairs(List<Type> from, List<Type> to, boolean safe)
    {
        for (int index = 0; index < from.size(); index++) {
            if (!canConvert(from.get(index), to.get(index), safe)) {
                return false;
            }
        }
        return true;
    }

    private static boolean canConvertToObject(Type from, Type.ObjectType object, boolean safe)
    {
        return switch (from) {
            case Type.ObjectType source -> (!safe || object.attributes().keySet().containsAll(source.attributes().keySet()))
                    && object.attributes().entrySet().stream().allMatch(entry -> {
                        Type attribute = source.attributes().get(entry.getKey());
                        return attribute == null ? object.optional().contains(entry.getKey()) : canConvert(attribute, entry.getValue(), safe);
                    });
            case Type.MapType map -> !safe && object.attributes().entrySet().stream()
                    .allMatch(entry -> object.optional().contains(entry.getKey()) || canConvert(map.element(), entry.getValue(), false));
            default -> false;
        };
    }

    private static Optional<Type> unifyObjects(List<Type> objects)
    {
        List<Map<String, Type>> attributeMaps = objects.stream().map(type -> (Map<String, Type>) ((Type.ObjectType) type).attributes()).toList();
        Set<String> names = attributeMaps.getFirst().keySet();
        if (attributeMaps.stream().anyMatch(attributes -> !attributes.keySet().equals(names))) {
            return unifyObjectsToMap(attributeMaps);
        }
        TreeMap<String, Type> unified = new TreeMap<>();
        for (String name : names) {
            Optional<Type> attribute = unify(attributeMaps.stream().map(attributes -> attributes.get(name)).toList());
            if (attribute.isEmpty()) {
                return Optional.empty();
            }
            unified.put(name, attribute.get());
        }
        return Optional.of(new Type.ObjectType(unified, Set.of()));
    }

    private static Optional<Type> unifyObjectsToMap(List<Map<String, Type>> attributeMaps)
    {
        List<Type> all = attributeMaps.stream().flatMap(attributes -> attributes.values().stream()).toList();
        if (all.isEmpty()) {
            return Optional.of(new Type.MapType(Type.DYNAMIC));
        }
        return unify(all).map(Type.MapType::new);
    }

    private static Optional<Type> unifyTuples(List<Type> tuples)
    {
        List<List<Type>> elementLists = tuples.stream().map(type -> ((Type.TupleType) type).elements()).toList();
        int size = elementLists.getFirst().size();
        if (elementLists.stream().anyMatch(elements -> elements.size() != size)) {
            List<Type> all = elementLists.stream().flatMap(List::stream).toList();
            return all.isEmpty() ? Optional.of(new Type.ListType(Type.DYNAMIC)) : unify(all).map(Type.ListType::new);
        }
        List<Type> unified = new ArrayList<>();
        for (int index = 0; index < size; index++) {
            int position = index;
            Optional<Type> element = unify(elementLists.stream().map(elements -> elements.get(position)).toList());
            if (element.isEmpty()) {
                return Optional.empty();
            }
            unified.add(element.get());
        }
        return Optional.of(new Type.TupleType(unified));
    }

    private static int preference(Type type)
    {
        return switch (type) {
            case Type.Primitive primitive -> primitive.ordinal();
            case Type.ListType ignored -> 10;
            case Type.SetType ignored -> 11;
            case Type.MapType ignored -> 12;
            case Type.TupleType ignored -> 20;
            case Type.ObjectType ignored -> 21;
            case Type.Dynamic ignored -> 30;
        };
    }
}
