package dev.kiln.executors.apply;

import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.value.Value;
import dev.kiln.planner.plan.ResourceChange;

import java.util.Map;

/**
 * Plans a change again at apply time, once every instance it depends on has been applied: a
 * planned value that holds unknowns because it references attributes known only after apply
 * gets its final value before the driver sees it. The apply runner checks the answer against
 * the saved plan ({@link FinalPlanCheck}); how the configuration is evaluated again is the
 * caller's business.
 */
public interface FinalPlanner
{
    /** Plans nothing again: every change reaches its driver as planned. */
    FinalPlanner NONE = new FinalPlanner()
    {
        @Override
        public boolean needsFinalPlan(ResourceChange change)
        {
            return false;
        }

        @Override
        public ResourceChange finalChange(ResourceChange planned, Map<ResourceAddress, Value> applied)
        {
            return planned;
        }
    };

    /** Whether the planned change waits on values other instances get during this apply; asked once per change, so keep it cheap. */
    boolean needsFinalPlan(ResourceChange change);

    /**
     * The change planned again with the values of {@code applied} (this run's new values by
     * address, holding at least every instance {@code planned} depends on that changed). An
     * exception fails the change with its message.
     */
    ResourceChange finalChange(ResourceChange planned, Map<ResourceAddress, Value> applied)
            throws Exception;
}
