package dev.kiln.providers.sim;

import java.util.Locale;

/** The state of an object in the simulated datacenter. */
public enum Status
{
    /** Being created; an interrupted creation resumes here. */
    PROVISIONING,
    READY,
    /** Broken behind Kiln's back ({@code kiln sim fail}). */
    NOT_READY,
    UPGRADING,
    DELETING,
    /** An action on it failed part way. */
    FAILED;

    public String label()
    {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
