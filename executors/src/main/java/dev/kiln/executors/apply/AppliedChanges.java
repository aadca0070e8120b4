package dev.kiln.executors.apply;

import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.value.Value;
import dev.kiln.planner.plan.ResourceChange;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The new values this run's drivers produced, by address, and the final plan of a change that
 * waits on them: planned again through the job's {@link FinalPlanner} and checked against the
 * saved plan. Shared by every action of one apply.
 */
final class AppliedChanges
{
    private final FinalPlanner finalPlanner;
    private final Map<ResourceAddress, Value> values = new ConcurrentHashMap<>();
    private final Map<ResourceAddress, Value> view = Collections.unmodifiableMap(values);

    AppliedChanges(FinalPlanner finalPlanner)
    {
        this.finalPlanner = finalPlanner;
    }

    /** The change to hand the driver: {@code planned} itself, or its final plan when it waited on other instances. */
    ResourceChange finalChange(ResourceChange planned)
            throws InconsistentFinalPlanException
    {
        if (!finalPlanner.needsFinalPlan(planned)) {
            return planned;
        }
        ResourceChange finalChange;
        try {
            finalChange = finalPlanner.finalChange(planned, view);
        }
        catch (Exception e) {
            throw new InconsistentFinalPlanException("Planning %s again with the values known after apply failed: %s"
                    .formatted(planned.address(), ActionFailedException.message(e)), e);
        }
        Optional<String> problem = FinalPlanCheck.problem(planned, finalChange);
        if (problem.isPresent()) {
            throw new InconsistentFinalPlanException(("Provider produced inconsistent final plan: when planning %s again with the values known after apply, %s. "
                    + "This is a bug in the resource type's diff rule of provider \"%s\"; the instance was left untouched.")
                    .formatted(planned.address(), problem.get(), planned.provider()), null);
        }
        return finalChange;
    }

    /** Records what the driver made of {@code address}: its new value, or nothing after a delete. */
    void record(ResourceAddress address, Optional<Value> newValue)
    {
        newValue.ifPresentOrElse(value -> values.put(address, value), () -> values.remove(address));
    }
}
