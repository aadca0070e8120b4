package dev.kiln.lang.addr;

import static java.util.Objects.requireNonNull;

/** The key of one instance of a resource: none, a {@code count} index, or a {@code for_each} key. */
public sealed interface InstanceKey
        extends Comparable<InstanceKey>
{
    InstanceKey NONE = new None();

    record None()
            implements InstanceKey
    {
        @Override
        public String toString()
        {
            return "";
        }
    }

    record Index(int value)
            implements InstanceKey
    {
        public Index
        {
            if (value < 0) {
                throw new IllegalArgumentException("negative index " + value);
            }
        }

        @Override
        public String toString()
        {
            return "[" + value + "]";
        }
    }

    record Key(String value)
            implements InstanceKey
    {
        public Key
        {
            requireNonNull(value, "value is null");
        }

        @Override
        public String toString()
        {
            return "[\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
        }
    }

    /** None first, then indexes numerically, then string keys lexically. */
    @Override
    default int compareTo(InstanceKey other)
    {
        int byKind = Integer.compare(rank(this), rank(other));
        if (byKind != 0) {
            return byKind;
        }
        return switch (this) {
            case None ignored -> 0;
            case Index index -> Integer.compare(index.value(), ((Index) other).value());
            case Key key -> key.value().compareTo(((Key) other).value());
        };
    }

    private static int rank(InstanceKey key)
    {
        return switch (key) {
            case None ignored -> 0;
            case Index ignored -> 1;
            case Key ignored -> 2;
        };
    }
}
