package dev.kiln.lang.diag;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A problem the user can fix. {@code summary} is a fixed phrase without user-supplied names
 * ("Unsupported argument"); {@code detail} says what, why and how to fix it. {@code subject}
 * is the tight range to underline, {@code context} an optional wider range (the enclosing
 * expression or block) shown for orientation.
 */
public record Diagnostic(
        Severity severity,
        String summary,
        String detail,
        Optional<SourceRange> subject,
        Optional<SourceRange> context)
        implements Comparable<Diagnostic>
{
    public Diagnostic
    {
        requireNonNull(severity, "severity is null");
        requireNonNull(summary, "summary is null");
        requireNonNull(detail, "detail is null");
        requireNonNull(subject, "subject is null");
        requireNonNull(context, "context is null");
    }

    public static Diagnostic error(String summary, String detail, SourceRange subject)
    {
        return new Diagnostic(Severity.ERROR, summary, detail, Optional.of(subject), Optional.empty());
    }

    public static Diagnostic error(String summary, String detail, SourceRange subject, SourceRange context)
    {
        return new Diagnostic(Severity.ERROR, summary, detail, Optional.of(subject), Optional.of(context));
    }

    public static Diagnostic warning(String summary, String detail, SourceRange subject)
    {
        return new Diagnostic(Severity.WARNING, summary, detail, Optional.of(subject), Optional.empty());
    }

    /** A problem with no place in a file (a missing directory, an unreadable variable file). */
    public static Diagnostic errorWithoutSource(String summary, String detail)
    {
        return new Diagnostic(Severity.ERROR, summary, detail, Optional.empty(), Optional.empty());
    }

    public boolean isError()
    {
        return severity == Severity.ERROR;
    }

    /** Orders by file, then position, then severity, so output is deterministic. */
    @Override
    public int compareTo(Diagnostic other)
    {
        if (subject.isPresent() != other.subject.isPresent()) {
            return subject.isPresent() ? 1 : -1;
        }
        if (subject.isPresent()) {
            int byRange = subject.get().compareTo(other.subject.get());
            if (byRange != 0) {
                return byRange;
            }
        }
        int bySeverity = severity.compareTo(other.severity);
        return bySeverity != 0 ? bySeverity : summary.compareTo(other.summary);
    }

    @Override
    public String toString()
    {
        return severity.label() + ": " + summary + subject.map(range -> " at " + range).orElse("") + ": " + detail;
    }
}
