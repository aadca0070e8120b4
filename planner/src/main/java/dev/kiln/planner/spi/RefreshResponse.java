package dev.kiln.planner.spi;

import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.value.Value;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** What a refresh saw: the object's value, or empty when it is gone; with any diagnostics. */
public record RefreshResponse(Optional<Value> observed, List<Diagnostic> diagnostics)
{
    public RefreshResponse
    {
        requireNonNull(observed, "observed is null");
        diagnostics = List.copyOf(diagnostics);
    }

    public static RefreshResponse observed(Value value)
    {
        return new RefreshResponse(Optional.of(value), List.of());
    }

    public static RefreshResponse gone()
    {
        return new RefreshResponse(Optional.empty(), List.of());
    }
}
