package dev.kiln.providers.sim;

import dev.kiln.executors.apply.ApplyRequest;
import dev.kiln.executors.apply.ApplyResponse;
import dev.kiln.executors.apply.Driver;
import dev.kiln.executors.walk.ActionContext;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.value.Value;
import dev.kiln.planner.plan.ResourceChange;

import java.util.List;
import java.util.Optional;

/**
 * Makes worker pool resources ({@code cluster.prod.pool["a"]}) real in the simulated
 * datacenter, after their cluster's control plane: creates and updates converge the pool's
 * members to the configured shape ({@link PoolConvergence}); deletion drains and removes its
 * nodes in batches. The returned value has the version the pool's nodes run and its status.
 */
final class WorkerPoolDriver
        implements Driver
{
    private final Simulator simulator;

    WorkerPoolDriver(Simulator simulator)
    {
        this.simulator = simulator;
    }

    @Override
    public ApplyResponse apply(ApplyRequest request, ActionContext context)
            throws Exception
    {
        ResourceChange change = request.change();
        simulator.injection().start(change.address().toString(), context);
        return switch (change.action()) {
            case CREATE, UPDATE, NO_OP -> ApplyResponse.of(converge(change.address(), change.after().orElseThrow(), context));
            case REPLACE -> {
                Optional<SimPool> existing = simulator.datacenterForChange().pool(change.address().toString());
                if (existing.isEmpty() || existing.get().status() != Status.READY
                        || Replacement.holdsOriginal(existing.get().attributes(), request.prior(), PoolObservation.SCHEMA)) {
                    delete(change.address(), request.prior().map(prior -> ValueParts.fromJson(prior.attributes(), PoolObservation.SCHEMA)), context);
                }
                yield ApplyResponse.of(converge(change.address(), change.after().orElseThrow(), context));
            }
            case DELETE -> {
                delete(change.address(), change.before(), context);
                yield ApplyResponse.deleted();
            }
        };
    }

    private Value converge(ResourceAddress address, Value planned, ActionContext context)
            throws SimulatedFailureException
    {
        Datacenter datacenter = simulator.datacenterForChange();
        String owner = address.toString();
        Value resolved = References.resolvePool(planned, datacenter);
        PoolShape shape = PoolShape.of(resolved, address);
        String version = shape.version().orElseThrow(() -> unknown(owner, "Kubernetes version"));
        if (shape.group().members().isEmpty()) {
            throw unknown(owner, "nodes");
        }
        SimCluster cluster = datacenter.cluster(shape.cluster())
                .filter(found -> datacenter.members(found.owner()).stream().anyMatch(Member::isControlPlane))
                .orElseThrow(() -> new SimulatedFailureException("the cluster " + shape.cluster() + " of " + owner
                        + " has no control plane in the simulated datacenter: apply the cluster first"));
        Optional<SimPool> existing = datacenter.pool(owner);
        SimPool pool = existing.orElseGet(() -> new SimPool(owner, cluster.owner(), shape.group().name(), Status.PROVISIONING, null));
        if (existing.isEmpty()) {
            datacenter.put(pool);
        }
        try {
            new PoolConvergence(simulator, datacenter, context, owner, cluster, shape.group()).converge(version);
        }
        catch (SimulatedFailureException e) {
            if (!pool.attributes().isNull()) {
                datacenter.put(pool.withStatus(Status.FAILED));
            }
            throw e;
        }
        SimPool ready = pool.withStatus(Status.READY);
        Value value = ValueParts.fill(resolved, PoolObservation.withWorld(resolved, ready, datacenter));
        datacenter.put(ready.withAttributes(ValueParts.toJson(value)));
        return value;
    }

    private void delete(ResourceAddress address, Optional<Value> prior, ActionContext context)
            throws SimulatedFailureException
    {
        Datacenter datacenter = simulator.datacenterForChange();
        String owner = address.toString();
        Optional<SimPool> pool = datacenter.pool(owner);
        String cluster = address.parent().orElseThrow().toString();
        String name = PoolShape.name(address);
        boolean hasMembers = datacenter.members(cluster).stream().anyMatch(member -> member.group().equals(name));
        if (pool.isEmpty() && !hasMembers) {
            context.progress(owner + " is already gone");
            return;
        }
        pool.ifPresent(found -> datacenter.put(found.withStatus(Status.DELETING)));
        ClusterShape.Group group = prior.map(value -> PoolShape.of(value, address).group())
                .orElseGet(() -> new ClusterShape.Group(name, Optional.empty(), Optional.of(List.of()), 1));
        Optional<SimCluster> parent = datacenter.cluster(cluster);
        if (parent.isPresent()) {
            new PoolConvergence(simulator, datacenter, context, owner, parent.get(), group).removeAll();
        }
        else {
            datacenter.members(cluster).stream().filter(member -> member.group().equals(name)).forEach(datacenter::remove);
        }
        datacenter.removePool(owner);
    }

    private static SimulatedFailureException unknown(String owner, String what)
    {
        return new SimulatedFailureException("the " + what + " of " + owner + " are not known at apply time");
    }
}
