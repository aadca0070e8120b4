package dev.kiln.executors.apply;

/** A change planned again at apply time broke the saved plan's promise, or could not be planned again. */
public final class InconsistentFinalPlanException
        extends Exception
{
    InconsistentFinalPlanException(String message, Throwable cause)
    {
        super(message, cause);
    }
}
