package dev.kiln.planner.planfile;

import dev.kiln.lang.diag.Diagnostic;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** A plan file read: the saved plan when it could be read, and every diagnostic. */
public record PlanFileResult(Optional<SavedPlan> plan, List<Diagnostic> diagnostics)
{
    public PlanFileResult
    {
        requireNonNull(plan, "plan is null");
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasErrors()
    {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
