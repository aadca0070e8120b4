package dev.kiln.planner.planfile;

/** A plan file whose content does not have the expected shape; reported as a diagnostic by {@link PlanFile#read}. */
final class MalformedPlanException
        extends Exception
{
    MalformedPlanException(String message)
    {
        super(message);
    }
}
