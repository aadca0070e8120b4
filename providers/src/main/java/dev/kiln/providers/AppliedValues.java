package dev.kiln.providers;

import dev.kiln.executors.apply.ApplyRequest;
import dev.kiln.executors.apply.ApplyResponse;
import dev.kiln.executors.apply.Driver;
import dev.kiln.executors.walk.ActionContext;
import dev.kiln.executors.walk.Bound;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.value.Value;
import dev.kiln.planner.plan.ResourceChange;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static java.util.Objects.requireNonNull;

/**
 * The values this run's drivers produced, by address: what a provider configured from
 * another resource's attribute ({@code kubeconfig = cluster.mgmt.kubeconfig}) reads at apply
 * time, once that resource has been created in the same apply. The walker orders the
 * provider's instances after the resources it references, so the value is there when needed.
 */
public final class AppliedValues
{
    private final Map<ResourceAddress, Value> values = new ConcurrentHashMap<>();

    /** The value {@code address} got in this run; empty when it was not applied (or was deleted). */
    public Optional<Value> of(ResourceAddress address)
    {
        return Optional.ofNullable(values.get(requireNonNull(address, "address is null")));
    }

    /** {@code driver}, keeping the value of every change it carries out. */
    Driver recording(Driver driver)
    {
        return new Driver()
        {
            @Override
            public ApplyResponse apply(ApplyRequest request, ActionContext context)
                    throws Exception
            {
                ApplyResponse response = driver.apply(request, context);
                ResourceAddress address = request.change().address();
                response.newValue().ifPresentOrElse(value -> values.put(address, value), () -> values.remove(address));
                return response;
            }

            @Override
            public Set<Bound> bounds(ResourceChange change)
            {
                return driver.bounds(change);
            }
        };
    }
}
