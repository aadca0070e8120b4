package dev.kiln.lang.diag;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A mutable collector of diagnostics for one run of a parser, evaluator or validator.
 * Results are returned as immutable, sorted lists.
 */
public final class Diagnostics
{
    private final List<Diagnostic> items = new ArrayList<>();

    public void add(Diagnostic diagnostic)
    {
        items.add(diagnostic);
    }

    public void addAll(Collection<Diagnostic> diagnostics)
    {
        items.addAll(diagnostics);
    }

    public boolean hasErrors()
    {
        for (Diagnostic item : items) {
            if (item.isError()) {
                return true;
            }
        }
        return false;
    }

    public long errorCount()
    {
        long count = 0;
        for (Diagnostic item : items) {
            if (item.isError()) {
                count++;
            }
        }
        return count;
    }

    public boolean isEmpty()
    {
        return items.isEmpty();
    }

    /** Sorted by position, duplicates (same severity, summary, detail and subject) removed. */
    public List<Diagnostic> toList()
    {
        if (items.isEmpty()) {
            return List.of();
        }
        return items.stream().distinct().sorted().toList();
    }
}
