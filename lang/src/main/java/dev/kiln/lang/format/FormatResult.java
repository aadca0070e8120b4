package dev.kiln.lang.format;

import dev.kiln.lang.diag.Diagnostic;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The canonical layout of one file and the parser's diagnostics. When the file has syntax
 * errors, {@code formatted} is the source unchanged and {@code diagnostics} says why.
 */
public record FormatResult(String formatted, List<Diagnostic> diagnostics)
{
    public FormatResult
    {
        requireNonNull(formatted, "formatted is null");
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasErrors()
    {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
