package dev.kiln.state.journal;

import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.state.State;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A state with a journal folded in: {@code reconciling} lists (sorted) the instances whose
 * action has an intent but no result, now flagged {@code needs_reconciliation}.
 */
public record FoldResult(State state, List<ResourceAddress> reconciling, List<Diagnostic> warnings)
{
    public FoldResult
    {
        requireNonNull(state, "state is null");
        reconciling = requireNonNull(reconciling, "reconciling is null").stream().distinct().sorted().toList();
        warnings = List.copyOf(requireNonNull(warnings, "warnings is null"));
    }
}
