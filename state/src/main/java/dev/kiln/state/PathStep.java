package dev.kiln.state;

import static java.util.Objects.requireNonNull;

/** One step of an {@link AttributePath}: an attribute name, a list index or a map key. */
public sealed interface PathStep
        extends Comparable<PathStep>
{
    record Attribute(String name)
            implements PathStep
    {
        public Attribute
        {
            requireNonNull(name, "name is null");
            if (name.isEmpty()) {
                throw new IllegalArgumentException("attribute name is empty");
            }
        }
    }

    record Index(long value)
            implements PathStep
    {
        public Index
        {
            if (value < 0) {
                throw new IllegalArgumentException("negative index " + value);
            }
        }
    }

    record Key(String value)
            implements PathStep
    {
        public Key
        {
            requireNonNull(value, "value is null");
        }
    }

    /** Attributes first, then indexes numerically, then keys lexically. */
    @Override
    default int compareTo(PathStep other)
    {
        int byKind = Integer.compare(rank(this), rank(other));
        if (byKind != 0) {
            return byKind;
        }
        return switch (this) {
            case Attribute attribute -> attribute.name().compareTo(((Attribute) other).name());
            case Index index -> Long.compare(index.value(), ((Index) other).value());
            case Key key -> key.value().compareTo(((Key) other).value());
        };
    }

    private static int rank(PathStep step)
    {
        return switch (step) {
            case Attribute ignored -> 0;
            case Index ignored -> 1;
            case Key ignored -> 2;
        };
    }
}
