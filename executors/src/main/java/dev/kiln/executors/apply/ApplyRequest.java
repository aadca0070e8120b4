package dev.kiln.executors.apply;

import dev.kiln.planner.plan.ResourceChange;
import dev.kiln.state.ResourceInstance;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One change to carry out: the planned change (its {@code after} value has the configured
 * attributes, unknown where they are known only after apply, with sensitive marks) and the
 * instance as recorded in state before it ({@code prior}, empty for a create).
 */
public record ApplyRequest(ResourceChange change, Optional<ResourceInstance> prior)
{
    public ApplyRequest
    {
        requireNonNull(change, "change is null");
        requireNonNull(prior, "prior is null");
    }
}
