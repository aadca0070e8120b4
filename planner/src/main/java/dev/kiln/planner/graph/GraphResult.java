package dev.kiln.planner.graph;

import dev.kiln.lang.diag.Diagnostic;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** A built graph with the problems found building it (a cycle); a graph with a cycle cannot be planned. */
public record GraphResult(PlanGraph graph, List<Diagnostic> diagnostics)
{
    public GraphResult
    {
        requireNonNull(graph, "graph is null");
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasErrors()
    {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
