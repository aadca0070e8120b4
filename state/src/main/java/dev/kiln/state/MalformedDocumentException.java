package dev.kiln.state;

import static java.util.Objects.requireNonNull;

/**
 * A JSON document that does not have the shape Kiln wrote: {@code where} is the JSON path of
 * the offending field ({@code resources[2].status}). Messages never quote attribute values.
 */
public final class MalformedDocumentException
        extends Exception
{
    private final String where;
    private final String problem;

    public MalformedDocumentException(String where, String problem)
    {
        super(requireNonNull(where, "where is null") + ": " + requireNonNull(problem, "problem is null"));
        this.where = where;
        this.problem = problem;
    }

    public String where()
    {
        return where;
    }

    public String problem()
    {
        return problem;
    }
}
