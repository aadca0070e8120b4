package dev.kiln.providers.sim;

import dev.kiln.planner.spi.DiffRequest;
import dev.kiln.planner.spi.DiffResponse;
import dev.kiln.planner.spi.DiffRule;
import dev.kiln.state.AttributePath;

import java.util.List;
import java.util.Optional;

/**
 * Plans a simulated cluster with the rules real drivers follow: a control plane of at least
 * one node, an odd number with stacked etcd; no downgrades; upgrades one minor version at a
 * time, each a visible step; the control plane upgraded one node at a time before the
 * worker pools, which go in batches of {@code max_unavailable}.
 */
final class ClusterDiffRule
        implements DiffRule
{
    private static final ShapeSteps<ClusterShape> STEPS = new ShapeSteps<>(ClusterSteps::create, ClusterSteps::delete, ClusterSteps::update, ClusterShape::version);

    @Override
    public DiffResponse diff(DiffRequest request)
    {
        String name = Names.hostname(request.address());
        Optional<ClusterShape> prior = request.prior().map(value -> ClusterShape.of(value, name));
        if (request.desired().isEmpty()) {
            return new DiffResponse.Delete(ClusterSteps.delete(prior.orElseThrow()), List.of());
        }
        ClusterShape desired = ClusterShape.of(request.desired().get(), name);
        Optional<DiffResponse.Forbidden> forbidden = forbidden(prior, desired);
        if (forbidden.isPresent()) {
            return forbidden.get();
        }
        return STEPS.diff(request, prior, desired);
    }

    private static Optional<DiffResponse.Forbidden> forbidden(Optional<ClusterShape> prior, ClusterShape desired)
    {
        Optional<Integer> size = desired.controlPlane().size();
        AttributePath controlPlane = AttributePath.attribute("control_plane");
        if (size.isPresent() && size.get() < 1) {
            return Optional.of(new DiffResponse.Forbidden(prior.isPresent()
                    ? "the control plane can't shrink below 1 node"
                    : "a cluster needs at least 1 control-plane node", Optional.of(controlPlane), List.of()));
        }
        if (size.isPresent() && size.get() % 2 == 0 && desired.stackedEtcd()) {
            return Optional.of(new DiffResponse.Forbidden("the control plane needs an odd number of nodes with stacked etcd, not " + size.get()
                    + ": an even count tolerates no more failures than one node fewer", Optional.of(controlPlane), List.of()));
        }
        if (prior.isPresent() && prior.get().version().isPresent() && desired.version().isPresent()
                && KubernetesUpgrades.isDowngrade(prior.get().version().get(), desired.version().get())) {
            return Optional.of(new DiffResponse.Forbidden("downgrades are not supported: the cluster runs " + prior.get().version().get()
                    + " and cannot go back to " + desired.version().get(), Optional.of(AttributePath.attribute("kubernetes_version")), List.of()));
        }
        return Optional.empty();
    }
}
