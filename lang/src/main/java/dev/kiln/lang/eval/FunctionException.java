package dev.kiln.lang.eval;

import java.util.OptionalInt;

/**
 * A function call that cannot produce a value for the arguments it was given. The message is
 * shown to users as the detail of an "Invalid function argument" (with the argument's range)
 * or "Error in function call" diagnostic; it must never contain a sensitive argument.
 */
public final class FunctionException
        extends Exception
{
    private final OptionalInt argumentIndex;

    public FunctionException(String message)
    {
        super(message);
        this.argumentIndex = OptionalInt.empty();
    }

    public FunctionException(int argumentIndex, String message)
    {
        super(message);
        this.argumentIndex = OptionalInt.of(argumentIndex);
    }

    /** The 0-based index of the offending argument, when one argument is to blame. */
    public OptionalInt argumentIndex()
    {
        return argumentIndex;
    }
}
