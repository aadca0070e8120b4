package dev.kiln.state;

import dev.kiln.lang.diag.Diagnostic;

import static java.util.Objects.requireNonNull;

/**
 * A state operation that could not be carried out: a corrupted or unreadable state file, a
 * refused write, a held lock. It carries the {@link Diagnostic} to show the user, so the CLI
 * prints that and never a stack trace.
 */
public class StateException
        extends RuntimeException
{
    private final Diagnostic diagnostic;

    public StateException(Diagnostic diagnostic)
    {
        this(diagnostic, null);
    }

    public StateException(Diagnostic diagnostic, Throwable cause)
    {
        super(requireNonNull(diagnostic, "diagnostic is null").summary() + ": " + diagnostic.detail(), cause);
        this.diagnostic = diagnostic;
    }

    public static StateException error(String summary, String detail)
    {
        return new StateException(Diagnostic.errorWithoutSource(summary, detail));
    }

    public Diagnostic diagnostic()
    {
        return diagnostic;
    }
}
