package dev.kiln.providers.kubeadm.apply;

import dev.kiln.executors.apply.ApplyRequest;
import dev.kiln.executors.apply.ApplyResponse;
import dev.kiln.executors.apply.Driver;
import dev.kiln.executors.walk.ActionContext;
import dev.kiln.executors.walk.Bound;
import dev.kiln.lang.value.Value;
import dev.kiln.planner.plan.Action;
import dev.kiln.planner.plan.ResourceChange;
import dev.kiln.providers.kubeadm.cluster.ClusterWork;
import dev.kiln.providers.kubeadm.cluster.Membership;
import dev.kiln.providers.kubeadm.cluster.Parallel;
import dev.kiln.providers.kubeadm.spec.ClusterSpec;
import dev.kiln.providers.kubeadm.spec.ClusterSpecs;
import dev.kiln.providers.kubeadm.spec.NodeSpec;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Makes kubeadm clusters real over SSH: creates and updates converge the hosts to the
 * configured cluster ({@link Convergence}); deletion resets every node, workers first, then
 * the control planes one at a time. Holds the cluster's etcd-membership bound, so one
 * membership change runs per cluster at a time.
 */
final class ClusterDriver
        implements Driver
{
    private final Environment environment;

    ClusterDriver(Environment environment)
    {
        this.environment = environment;
    }

    @Override
    public ApplyResponse apply(ApplyRequest request, ActionContext context)
    {
        ResourceChange change = request.change();
        String name = change.address().name();
        return switch (change.action()) {
            case CREATE, UPDATE, NO_OP, REPLACE -> {
                Value planned = change.after().orElseThrow();
                ClusterSpec desired = ClusterSpecs.of(name, planned, environment.names());
                Optional<ClusterSpec> prior = change.before().flatMap(value -> priorSpec(name, value));
                boolean replace = change.action() == Action.REPLACE;
                if (replace && prior.isPresent()) {
                    delete(prior.get(), context);
                }
                ClusterWork work = new ClusterWork(environment.installation(desired), environment.connector(), context);
                yield ApplyResponse.of(new Convergence(work).converge(planned, replace ? Optional.empty() : prior));
            }
            case DELETE -> {
                Optional<ClusterSpec> prior = change.before().flatMap(value -> priorSpec(name, value));
                prior.ifPresent(spec -> delete(spec, context));
                yield ApplyResponse.deleted();
            }
        };
    }

    @Override
    public Set<Bound> bounds(ResourceChange change)
    {
        return Set.of(Bound.of("etcd-membership:" + change.address(), 1));
    }

    private Optional<ClusterSpec> priorSpec(String name, Value value)
    {
        try {
            return Optional.of(ClusterSpecs.of(name, value, environment.names()));
        }
        catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private void delete(ClusterSpec cluster, ActionContext context)
    {
        ClusterWork work = new ClusterWork(environment.installation(cluster), environment.connector(), context);
        context.progress("reset the workers of cluster " + cluster.name());
        Parallel.forEach(cluster.workers(), node -> Membership.reset(work, node));
        List<NodeSpec> controlPlanes = cluster.controlPlane().nodes();
        for (NodeSpec node : controlPlanes.reversed()) {
            context.progress("reset control plane " + node.shown());
            Membership.reset(work, node);
        }
    }
}
