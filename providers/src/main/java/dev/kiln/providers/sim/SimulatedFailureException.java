package dev.kiln.providers.sim;

/** An action of the simulator failed because failure injection said so, or the simulated world does not allow it. */
public final class SimulatedFailureException
        extends Exception
{
    public SimulatedFailureException(String message)
    {
        super(message);
    }
}
