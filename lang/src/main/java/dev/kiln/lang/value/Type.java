package dev.kiln.lang.value;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * The type system of HCL/Terraform values: primitives, collections (list, set, map: one
 * element type), structurals (tuple, object: a type per element or attribute), and the
 * dynamic pseudo-type {@code any}, which stands for "not known yet" or "accept anything".
 */
public sealed interface Type
{
    Primitive STRING = Primitive.STRING;
    Primitive NUMBER = Primitive.NUMBER;
    Primitive BOOL = Primitive.BOOL;
    Dynamic DYNAMIC = Dynamic.ANY;

    /** The name users read in messages and write in type constraints: {@code list(string)}. */
    String friendlyName();

    enum Primitive
            implements Type
    {
        STRING("string"),
        NUMBER("number"),
        BOOL("bool");

        private final String friendlyName;

        Primitive(String friendlyName)
        {
            this.friendlyName = friendlyName;
        }

        @Override
        public String friendlyName()
        {
            return friendlyName;
        }
    }

    enum Dynamic
            implements Type
    {
        ANY;

        @Override
        public String friendlyName()
        {
            return "any";
        }
    }

    record ListType(Type element)
            implements Type
    {
        public ListType
        {
            requireNonNull(element, "element is null");
        }

        @Override
        public String friendlyName()
        {
            return "list(" + element.friendlyName() + ")";
        }
    }

    record SetType(Type element)
            implements Type
    {
        public SetType
        {
            requireNonNull(element, "element is null");
        }

        @Override
        public String friendlyName()
        {
            return "set(" + element.friendlyName() + ")";
        }
    }

    record MapType(Type element)
            implements Type
    {
        public MapType
        {
            requireNonNull(element, "element is null");
        }

        @Override
        public String friendlyName()
        {
            return "map(" + element.friendlyName() + ")";
        }
    }

    record TupleType(List<Type> elements)
            implements Type
    {
        public TupleType
        {
            elements = List.copyOf(elements);
        }

        @Override
        public String friendlyName()
        {
            return "tuple([" + elements.stream().map(Type::friendlyName).collect(Collectors.joining(", ")) + "])";
        }
    }

    /**
     * An object type. {@code optional} names the attributes a type constraint marked
     * {@code optional(...)}: a value converted to this type may omit them.
     */
    record ObjectType(SortedMap<String, Type> attributes, Set<String> optional)
            implements Type
    {
        public ObjectType
        {
            attributes = Collections.unmodifiableSortedMap(new TreeMap<>(attributes));
            optional = Collections.unmodifiableSet(new TreeSet<>(optional));
            if (!attributes.keySet().containsAll(optional)) {
                throw new IllegalArgumentException("optional attributes " + optional + " not all in " + attributes.keySet());
            }
        }

        public static ObjectType of(Map<String, Type> attributes)
        {
            return new ObjectType(new TreeMap<>(attributes), Set.of());
        }

        @Override
        public String friendlyName()
        {
            return "object({" + attributes.entrySet().stream()
                    .map(entry -> entry.getKey() + "=" + (optional.contains(entry.getKey())
                            ? "optional(" + entry.getValue().friendlyName() + ")"
                            : entry.getValue().friendlyName()))
                    .collect(Collectors.joining(", ")) + "})";
        }
    }
}
