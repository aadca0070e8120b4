package dev.kiln.lang.ast;

import dev.kiln.lang.diag.SourceRange;
import dev.kiln.lang.value.Value;

import static java.util.Objects.requireNonNull;

/** One step of a {@link Traversal}. */
public sealed interface Traverser
{
    SourceRange range();

    String sourceForm();

    record Root(String name, SourceRange range)
            implements Traverser
    {
        public Root
        {
            requireNonNull(name, "name is null");
            requireNonNull(range, "range is null");
        }

        @Override
        public String sourceForm()
        {
            return name;
        }
    }

    /** {@code .name} */
    record Attribute(String name, SourceRange range)
            implements Traverser
    {
        public Attribute
        {
            requireNonNull(name, "name is null");
            requireNonNull(range, "range is null");
        }

        @Override
        public String sourceForm()
        {
            return "." + name;
        }
    }

    /** {@code [0]} or {@code ["key"]}, or the legacy {@code .0} form; the key is a known string or number. */
    record Index(Value key, SourceRange range)
            implements Traverser
    {
        public Index
        {
            requireNonNull(key, "key is null");
            requireNonNull(range, "range is null");
        }

        @Override
        public String sourceForm()
        {
            return "[" + key.toSourceForm() + "]";
        }
    }
}
