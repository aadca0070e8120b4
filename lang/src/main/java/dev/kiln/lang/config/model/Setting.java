package dev.kiln.lang.config.model;

import dev.kiln.lang.diag.SourceRange;

import java.util.Optional;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * An argument's value in the typed model, with the range it came from: known, or unknown
 * until apply (it references something a provider computes). Rules check known values and
 * skip unknown ones. A default stands at its block's range.
 */
public sealed interface Setting<T>
{
    String SENSITIVE_TEXT = "(sensitive value)";

    SourceRange range();

    /** Whether the value was marked sensitive (by the schema or by the expression): it must never appear in messages. */
    boolean sensitive();

    /** The value when known. */
    Optional<T> known();

    static <T> Setting<T> known(T value, SourceRange range)
    {
        return new Known<>(value, false, range);
    }

    static <T> Setting<T> known(T value, boolean sensitive, SourceRange range)
    {
        return new Known<>(value, sensitive, range);
    }

    static <T> Setting<T> unknown(SourceRange range)
    {
        return new Unknown<>(range);
    }

    /** The same setting with its known value transformed. */
    default <R> Setting<R> map(Function<T, R> function)
    {
        return switch (this) {
            case Known<T> known -> new Known<>(function.apply(known.value()), known.sensitive(), known.range());
            case Unknown<T> unknown -> new Unknown<>(unknown.range());
        };
    }

    /** {@code text} (a part of this setting's value) for a message, or "(sensitive value)" when the setting is sensitive. */
    default String shown(Object text)
    {
        return sensitive() ? SENSITIVE_TEXT : String.valueOf(text);
    }

    record Known<T>(T value, boolean sensitive, SourceRange range)
            implements Setting<T>
    {
        public Known
        {
            requireNonNull(value, "value is null");
            requireNonNull(range, "range is null");
        }

        @Override
        public Optional<T> known()
        {
            return Optional.of(value);
        }
    }

    record Unknown<T>(SourceRange range)
            implements Setting<T>
    {
        public Unknown
        {
            requireNonNull(range, "range is null");
        }

        @Override
        public boolean sensitive()
        {
            return false;
        }

        @Override
        public Optional<T> known()
        {
            return Optional.empty();
        }
    }
}
