package dev.kiln.providers.sim;

import dev.kiln.planner.spi.DiffRequest;
import dev.kiln.planner.spi.DiffResponse;
import dev.kiln.planner.spi.DiffRule;
import dev.kiln.state.AttributePath;

import java.util.List;
import java.util.Optional;

/**
 * Plans a simulated worker pool ({@code cluster.prod.pool["a"]}): scaled up and down in place
 * in batches of {@code max_unavailable}; upgraded only upward, one minor version at a time,
 * each a visible step, after its cluster's control plane. The control plane reaches the new
 * version first, so a pool may not fall further behind it than the kubelet version skew
 * allows (three minors from v1.28, two before): a larger jump is forbidden.
 */
final class WorkerPoolDiffRule
        implements DiffRule
{
    private static final ShapeSteps<PoolShape> STEPS = new ShapeSteps<>(PoolSteps::create, PoolSteps::delete, PoolSteps::update, PoolShape::version);

    private static final AttributePath VERSION = AttributePath.attribute("kubernetes_version");

    @Override
    public DiffResponse diff(DiffRequest request)
    {
        Optional<PoolShape> prior = request.prior().map(value -> PoolShape.of(value, request.address()));
        if (request.desired().isEmpty()) {
            return new DiffResponse.Delete(PoolSteps.delete(prior.orElseThrow()), List.of());
        }
        PoolShape desired = PoolShape.of(request.desired().get(), request.address());
        Optional<DiffResponse.Forbidden> forbidden = forbidden(prior, desired);
        if (forbidden.isPresent()) {
            return forbidden.get();
        }
        return STEPS.diff(request, prior, desired);
    }

    private static Optional<DiffResponse.Forbidden> forbidden(Optional<PoolShape> prior, PoolShape desired)
    {
        if (prior.isEmpty() || prior.get().version().isEmpty() || desired.version().isEmpty()) {
            return Optional.empty();
        }
        String from = prior.get().version().get();
        String to = desired.version().get();
        if (KubernetesUpgrades.isDowngrade(from, to)) {
            return Optional.of(new DiffResponse.Forbidden("downgrades are not supported: " + desired.group().describe() + " runs " + from
                    + " and cannot go back to " + to, Optional.of(VERSION), List.of()));
        }
        int behind = KubernetesUpgrades.minorsBehind(from, to);
        int allowed = KubernetesUpgrades.kubeletSkew(to);
        if (behind > allowed) {
            return Optional.of(new DiffResponse.Forbidden(desired.group().describe() + " runs " + from + ", and the control plane is upgraded to "
                    + to + " before the pool: its kubelets would lag the API server by " + behind + " minor versions, and Kubernetes allows "
                    + allowed + " at " + to + ". Upgrade the cluster by at most " + allowed + " minor versions per apply",
                    Optional.of(VERSION), List.of()));
        }
        return Optional.empty();
    }
}
