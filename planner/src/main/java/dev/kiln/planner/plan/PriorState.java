package dev.kiln.planner.plan;

import java.util.UUID;

import static java.util.Objects.requireNonNull;

/** The identity and version of the state a plan was made from; a saved plan applies only to it. */
public record PriorState(UUID lineage, long serial)
{
    public PriorState
    {
        requireNonNull(lineage, "lineage is null");
        if (serial < 0) {
            throw new IllegalArgumentException("negative serial " + serial);
        }
    }
}
