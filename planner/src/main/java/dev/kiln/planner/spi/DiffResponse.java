package dev.kiln.planner.spi;

import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.value.Value;
import dev.kiln.state.AttributePath;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A {@link DiffRule}'s answer. {@code planned} is the value the instance will have after the
 * change, unknown where it is known only after apply. {@code steps} are what the change
 * will do, in order, in words an operator reads ("upgrade control plane to v1.28.8").
 */
public sealed interface DiffResponse
{
    List<Diagnostic> diagnostics();

    record NoOp(List<Diagnostic> diagnostics)
            implements DiffResponse
    {
        public NoOp
        {
            diagnostics = List.copyOf(diagnostics);
        }
    }

    record Create(Value planned, List<String> steps, List<Diagnostic> diagnostics)
            implements DiffResponse
    {
        public Create
        {
            requireNonNull(planned, "planned is null");
            steps = List.copyOf(steps);
            diagnostics = List.copyOf(diagnostics);
        }
    }

    record Update(Value planned, List<String> steps, List<Diagnostic> diagnostics)
            implements DiffResponse
    {
        public Update
        {
            requireNonNull(planned, "planned is null");
            steps = List.copyOf(steps);
            diagnostics = List.copyOf(diagnostics);
        }
    }

    /** Delete and create again, because the values at {@code forcedBy} cannot change in place. */
    record Replace(Value planned, List<AttributePath> forcedBy, List<String> steps, List<Diagnostic> diagnostics)
            implements DiffResponse
    {
        public Replace
        {
            requireNonNull(planned, "planned is null");
            forcedBy = forcedBy.stream().distinct().sorted().toList();
            steps = List.copyOf(steps);
            diagnostics = List.copyOf(diagnostics);
        }
    }

    record Delete(List<String> steps, List<Diagnostic> diagnostics)
            implements DiffResponse
    {
        public Delete
        {
            steps = List.copyOf(steps);
            diagnostics = List.copyOf(diagnostics);
        }
    }

    /**
     * The change cannot be made at all ("downgrades are not supported"). {@code reason} is a
     * sentence without sensitive values; {@code attribute} names the attribute responsible,
     * so the plan's error can point at its place in the configuration.
     */
    record Forbidden(String reason, Optional<AttributePath> attribute, List<Diagnostic> diagnostics)
            implements DiffResponse
    {
        public Forbidden
        {
            requireNonNull(reason, "reason is null");
            requireNonNull(attribute, "attribute is null");
            diagnostics = List.copyOf(diagnostics);
        }
    }
}
