package dev.kiln.lang.value;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * An immutable HCL/Terraform value. Every value may be marked {@code sensitive}; marks on
 * nested values stay where they are (so state can record the paths of sensitive
 * attributes) and operations propagate them to their results. An {@link Unknown} stands for
 * a value that is only "known after apply"; a {@link Null} still has a type.
 */
public sealed interface Value
{
    Type type();

    /** Whether this value itself carries the sensitive mark (nested marks not included). */
    boolean sensitive();

    /** A copy with the sensitive mark set or cleared on this value only. */
    Value withSensitive(boolean sensitive);

    default boolean isNull()
    {
        return this instanceof Null;
    }

    default boolean isKnown()
    {
        return !(this instanceof Unknown);
    }

    /** Known here and in every nested element. */
    default boolean isWhollyKnown()
    {
        return switch (this) {
            case Unknown ignored -> false;
            case ListValue list -> list.elements().stream().allMatch(Value::isWhollyKnown);
            case SetValue set -> set.elements().stream().allMatch(Value::isWhollyKnown);
            case TupleValue tuple -> tuple.elements().stream().allMatch(Value::isWhollyKnown);
            case MapValue map -> map.entries().values().stream().allMatch(Value::isWhollyKnown);
            case ObjectValue object -> object.attributes().values().stream().allMatch(Value::isWhollyKnown);
            case StringValue ignored -> true;
            case NumberValue ignored -> true;
            case BoolValue ignored -> true;
            case Null ignored -> true;
        };
    }

    /** Sensitive here or anywhere inside. */
    default boolean containsSensitive()
    {
        if (sensitive()) {
            return true;
        }
        return switch (this) {
            case ListValue list -> list.elements().stream().anyMatch(Value::containsSensitive);
            case SetValue set -> set.elements().stream().anyMatch(Value::containsSensitive);
            case TupleValue tuple -> tuple.elements().stream().anyMatch(Value::containsSensitive);
            case MapValue map -> map.entries().values().stream().anyMatch(Value::containsSensitive);
            case ObjectValue object -> object.attributes().values().stream().anyMatch(Value::containsSensitive);
            case StringValue ignored -> false;
            case NumberValue ignored -> false;
            case BoolValue ignored -> false;
            case Null ignored -> false;
            case Unknown ignored -> false;
        };
    }

    /** The same value with every sensitive mark cleared, here and at every depth. */
    default Value unmarkedDeep()
    {
        if (!containsSensitive()) {
            return this;
        }
        return switch (this) {
            case ListValue list -> new ListValue(list.elementType(), list.elements().stream().map(Value::unmarkedDeep).toList(), false);
            case SetValue set -> new SetValue(set.elementType(), set.elements().stream().map(Value::unmarkedDeep).toList(), false);
            case TupleValue tuple -> new TupleValue(tuple.elements().stream().map(Value::unmarkedDeep).toList(), false);
            case MapValue map -> new MapValue(map.elementType(), unmarkedEntries(map.entries()), false);
            case ObjectValue object -> new ObjectValue(unmarkedEntries(object.attributes()), false);
            case StringValue string -> string.withSensitive(false);
            case NumberValue number -> number.withSensitive(false);
            case BoolValue bool -> bool.withSensitive(false);
            case Null nullValue -> nullValue.withSensitive(false);
            case Unknown unknown -> unknown.withSensitive(false);
        };
    }

    private static SortedMap<String, Value> unmarkedEntries(SortedMap<String, Value> entries)
    {
        TreeMap<String, Value> result = new TreeMap<>();
        entries.forEach((key, element) -> result.put(key, element.unmarkedDeep()));
        return result;
    }

    /** The elements of a list, set or tuple; empty for every other value (unknown and null included). */
    default Optional<List<Value>> asSequence()
    {
        return switch (this) {
            case ListValue list -> Optional.of(list.elements());
            case SetValue set -> Optional.of(set.elements());
            case TupleValue tuple -> Optional.of(tuple.elements());
            case MapValue ignored -> Optional.empty();
            case ObjectValue ignored -> Optional.empty();
            case StringValue ignored -> Optional.empty();
            case NumberValue ignored -> Optional.empty();
            case BoolValue ignored -> Optional.empty();
            case Null ignored -> Optional.empty();
            case Unknown ignored -> Optional.empty();
        };
    }

    /** The entries of a map or object, by key; empty for every other value (unknown and null included). */
    default Optional<SortedMap<String, Value>> asMapping()
    {
        return switch (this) {
            case MapValue map -> Optional.of(map.entries());
            case ObjectValue object -> Optional.of(object.attributes());
            case ListValue ignored -> Optional.empty();
            case SetValue ignored -> Optional.empty();
            case TupleValue ignored -> Optional.empty();
            case StringValue ignored -> Optional.empty();
            case NumberValue ignored -> Optional.empty();
            case BoolValue ignored -> Optional.empty();
            case Null ignored -> Optional.empty();
            case Unknown ignored -> Optional.empty();
        };
    }

    /** The value as HCL source ({@code "a\"b"}, {@code 1.5}, {@code ["a"]}, {@code {a = 1}}); unknowns as {@code (known after apply)}. */
    default String toSourceForm()
    {
        return ValueFormat.sourceForm(this);
    }

    static StringValue string(String value)
    {
        return new StringValue(value, false);
    }

    static NumberValue number(BigDecimal value)
    {
        return new NumberValue(value, false);
    }

    static NumberValue number(long value)
    {
        return new NumberValue(BigDecimal.valueOf(value), false);
    }

    static BoolValue bool(boolean value)
    {
        return new BoolValue(value, false);
    }

    static Null nullOf(Type type)
    {
        return new Null(type, false);
    }

    static Unknown unknown(Type type)
    {
        return new Unknown(type, false);
    }

    static TupleValue tuple(List<Value> elements)
    {
        return new TupleValue(elements, false);
    }

    static ObjectValue object(Map<String, Value> attributes)
    {
        return new ObjectValue(new TreeMap<>(attributes), false);
    }

    static ListValue list(Type elementType, List<Value> elements)
    {
        return new ListValue(elementType, elements, false);
    }

    static SetValue set(Type elementType, List<Value> elements)
    {
        return new SetValue(elementType, elements, false);
    }

    static MapValue map(Type elementType, Map<String, Value> entries)
    {
        return new MapValue(elementType, new TreeMap<>(entries), false);
    }

    record StringValue(String value, boolean sensitive)
            implements Value
    {
        public StringValue
        {
            requireNonNull(value, "value is null");
        }

        @Override
        public Type type()
        {
            return Type.STRING;
        }

        @Override
        public StringValue withSensitive(boolean sensitive)
        {
            return new StringValue(value, sensitive);
        }
    }

    /** A number of arbitrary precision, kept normalized (no trailing zeros) so equal numbers are equal records. */
    record NumberValue(BigDecimal value, boolean sensitive)
            implements Value
    {
        public NumberValue
        {
            requireNonNull(value, "value is null");
            value = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        }

        @Override
        public Type type()
        {
            return Type.NUMBER;
        }

        @Override
        public NumberValue withSensitive(boolean sensitive)
        {
            return new NumberValue(value, sensitive);
        }
    }

    record BoolValue(boolean value, boolean sensitive)
            implements Value
    {
        @Override
        public Type type()
        {
            return Type.BOOL;
        }

        @Override
        public BoolValue withSensitive(boolean sensitive)
        {
            return new BoolValue(value, sensitive);
        }
    }

    record Null(Type type, boolean sensitive)
            implements Value
    {
        public Null
        {
            requireNonNull(type, "type is null");
        }

        @Override
        public Null withSensitive(boolean sensitive)
        {
            return new Null(type, sensitive);
        }
    }

    /** "Known after apply": a value of {@code type} (possibly {@code any}) not known yet. */
    record Unknown(Type type, boolean sensitive)
            implements Value
    {
        public Unknown
        {
            requireNonNull(type, "type is null");
        }

        @Override
        public Unknown withSensitive(boolean sensitive)
        {
            return new Unknown(type, sensitive);
        }
    }

    record ListValue(Type elementType, List<Value> elements, boolean sensitive)
            implements Value
    {
        public ListValue
        {
            requireNonNull(elementType, "elementType is null");
            elements = List.copyOf(elements);
        }

        @Override
        public Type type()
        {
            return new Type.ListType(elementType);
        }

        @Override
        public ListValue withSensitive(boolean sensitive)
        {
            return new ListValue(elementType, elements, sensitive);
        }
    }

    /** A set: elements without duplicates, kept in a canonical order ({@link ValueOrder}). */
    record SetValue(Type elementType, List<Value> elements, boolean sensitive)
            implements Value
    {
        public SetValue
        {
            requireNonNull(elementType, "elementType is null");
            elements = new LinkedHashSet<>(elements).stream().sorted(ValueOrder.INSTANCE).toList();
        }

        @Override
        public Type type()
        {
            return new Type.SetType(elementType);
        }

        @Override
        public SetValue withSensitive(boolean sensitive)
        {
            return new SetValue(elementType, elements, sensitive);
        }
    }

    record MapValue(Type elementType, SortedMap<String, Value> entries, boolean sensitive)
            implements Value
    {
        public MapValue
        {
            requireNonNull(elementType, "elementType is null");
            entries = Collections.unmodifiableSortedMap(new TreeMap<>(entries));
        }

        @Override
        public Type type()
        {
            return new Type.MapType(elementType);
        }

        @Override
        public MapValue withSensitive(boolean sensitive)
        {
            return new MapValue(elementType, entries, sensitive);
        }
    }

    record TupleValue(List<Value> elements, boolean sensitive)
            implements Value
    {
        public TupleValue
        {
            elements = List.copyOf(elements);
        }

        @Override
        public Type type()
        {
            return new Type.TupleType(elements.stream().map(Value::type).toList());
        }

        @Override
        public TupleValue withSensitive(boolean sensitive)
        {
            return new TupleValue(elements, sensitive);
        }
    }

    record ObjectValue(SortedMap<String, Value> attributes, boolean sensitive)
            implements Value
    {
        public ObjectValue
        {
            attributes = Collections.unmodifiableSortedMap(new TreeMap<>(attributes));
        }

        @Override
        public Type type()
        {
            TreeMap<String, Type> types = new TreeMap<>();
            attributes.forEach((name, value) -> types.put(name, value.type()));
            return new Type.ObjectType(types, java.util.Set.of());
        }

        @Override
        public ObjectValue withSensitive(boolean sensitive)
        {
            return new ObjectValue(attributes, sensitive);
        }
    }
}
