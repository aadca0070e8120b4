package dev.kiln.executors.apply;

import dev.kiln.executors.walk.ActionContext;
import dev.kiln.executors.walk.Bound;
import dev.kiln.planner.plan.ResourceChange;

import java.util.Set;

/**
 * Makes one resource type real for one provider: carries out a planned change. Every call is
 * re-entrant — observe, skip what is already done, act, verify — because after a crash the
 * same change may be applied again. The engine has journaled the intent before the call and
 * journals the response (or the exception) after it. Long waits check
 * {@link ActionContext#isCancelled()} and report what they wait for through
 * {@link ActionContext#progress(String)}; nothing prints.
 */
public interface Driver
{
    ApplyResponse apply(ApplyRequest request, ActionContext context)
            throws Exception;

    /**
     * The walker bounds the change holds while it runs, e.g. {@code host:127.0.0.2} (limit 1:
     * one mutating action per host) or {@code etcd-membership:cluster.prod} (limit 1).
     */
    default Set<Bound> bounds(ResourceChange change)
    {
        return Set.of();
    }
}
