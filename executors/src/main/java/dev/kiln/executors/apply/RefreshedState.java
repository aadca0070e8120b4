package dev.kiln.executors.apply;

import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.value.Value;
import dev.kiln.planner.diff.StateValues;
import dev.kiln.planner.plan.Plan;
import dev.kiln.planner.plan.ResourceChange;
import dev.kiln.state.ResourceInstance;
import dev.kiln.state.State;

import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * The state as a plan's refresh saw the world: drifted instances take the observed
 * attributes, instances found gone are removed, and instances that needed reconciliation
 * lose that flag (the planner reads those again on every plan, refresh or not). {@code kiln refresh} writes this; an apply starts from it.
 */
public final class RefreshedState
{
    private RefreshedState() {}

    public static State of(State prior, Plan plan, Instant now)
    {
        requireNonNull(prior, "prior is null");
        requireNonNull(plan, "plan is null");
        requireNonNull(now, "now is null");
        State.Builder builder = prior.toBuilder();
        Set<ResourceAddress> gone = new HashSet<>();
        for (ResourceChange drift : plan.drift()) {
            Optional<ResourceInstance> recorded = prior.resource(drift.address());
            if (recorded.isEmpty()) {
                continue;
            }
            if (drift.after().isEmpty()) {
                builder.removeResource(drift.address());
                gone.add(drift.address());
                continue;
            }
            Value observed = drift.after().get();
            if (observed.isWhollyKnown()) {
                builder.putResource(recorded.get().withAttributes(StateValues.attributes(observed), StateValues.sensitivePaths(observed), now)
                        .withNeedsReconciliation(false));
            }
        }
        for (ResourceInstance instance : prior.resources().values()) {
            if (instance.needsReconciliation() && !gone.contains(instance.address())) {
                builder.resource(instance.address()).ifPresent(current -> builder.putResource(current.withNeedsReconciliation(false)));
            }
        }
        return builder.build();
    }
}
