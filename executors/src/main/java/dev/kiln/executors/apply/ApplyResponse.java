package dev.kiln.executors.apply;

import dev.kiln.lang.value.Value;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What a change produced: the instance's new value, wholly known (computed attributes
 * filled in) with sensitive marks where secrets are — empty after a delete — and warnings
 * worth showing the operator.
 */
public record ApplyResponse(Optional<Value> newValue, List<String> warnings)
{
    public ApplyResponse
    {
        requireNonNull(newValue, "newValue is null");
        warnings = List.copyOf(warnings);
        newValue.ifPresent(value -> {
            if (!value.isWhollyKnown()) {
                throw new IllegalArgumentException("a driver returned a value that is not wholly known");
            }
        });
    }

    public static ApplyResponse of(Value newValue)
    {
        return new ApplyResponse(Optional.of(newValue), List.of());
    }

    public static ApplyResponse deleted()
    {
        return new ApplyResponse(Optional.empty(), List.of());
    }
}
