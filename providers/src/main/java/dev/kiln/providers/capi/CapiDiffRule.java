package dev.kiln.providers.capi;

import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;
import dev.kiln.planner.diff.StandardDiffRule;
import dev.kiln.planner.spi.DiffRequest;
import dev.kiln.planner.spi.DiffResponse;
import dev.kiln.planner.spi.DiffRule;
import dev.kiln.state.AttributePath;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;

/**
 * Plans a capi cluster from values alone — planning never needs the management cluster, so a
 * management cluster created in the same plan is fine. The rules Cluster API imposes: no
 * downgrades; upgrades one minor version at a time, the control plane before the pools, each
 * hop a visible step; a control plane of at least one machine, an odd number with stacked
 * etcd. The status and the running version are known again only after apply.
 */
final class CapiDiffRule
        implements DiffRule
{
    private static final Set<String> SHAPE = Set.of("kubernetes_version", "current_version", "status", "control_plane", "worker_pool",
            "endpoint", "kubeconfig", "ca_certificate");

    private final String namespace;

    CapiDiffRule(String namespace)
    {
        this.namespace = namespace;
    }

    @Override
    public DiffResponse diff(DiffRequest request)
    {
        String cluster = CapiNames.cluster(request.address());
        Optional<CapiShape> prior = request.prior().map(CapiShape::of);
        if (request.desired().isEmpty()) {
            return new DiffResponse.Delete(ClusterPlanSteps.delete(namespace, cluster), List.of());
        }
        CapiShape desired = CapiShape.of(request.desired().get());
        Optional<DiffResponse.Forbidden> forbidden = forbidden(prior, desired);
        if (forbidden.isPresent()) {
            return forbidden.get();
        }
        return switch (StandardDiffRule.INSTANCE.diff(request)) {
            case DiffResponse.NoOp noOp -> noOp;
            case DiffResponse.Forbidden refused -> refused;
            case DiffResponse.Delete delete -> new DiffResponse.Delete(ClusterPlanSteps.delete(namespace, cluster), delete.diagnostics());
            case DiffResponse.Create create -> new DiffResponse.Create(create.planned(), ClusterPlanSteps.create(namespace, cluster, desired), create.diagnostics());
            case DiffResponse.Replace replace -> {
                List<String> steps = new ArrayList<>(ClusterPlanSteps.delete(namespace, cluster));
                steps.addAll(ClusterPlanSteps.create(namespace, cluster, desired));
                yield new DiffResponse.Replace(replace.planned(), replace.forcedBy(), steps, replace.diagnostics());
            }
            case DiffResponse.Update update -> {
                Value planned = CapiValues.with(update.planned(), "status", Value.unknown(Type.STRING));
                if (!desired.version().equals(prior.orElseThrow().version())) {
                    planned = CapiValues.with(planned, "current_version", Value.unknown(Type.STRING));
                }
                List<String> others = changedAttributes(request.prior().get(), planned);
                yield new DiffResponse.Update(planned, ClusterPlanSteps.update(cluster, prior.get(), desired, others), update.diagnostics());
            }
        };
    }

    private static Optional<DiffResponse.Forbidden> forbidden(Optional<CapiShape> prior, CapiShape desired)
    {
        AttributePath controlPlane = AttributePath.attribute("control_plane");
        Optional<Integer> size = desired.controlPlaneReplicas();
        if (size.isPresent() && size.get() < 1) {
            return Optional.of(new DiffResponse.Forbidden("a Cluster API control plane needs at least 1 machine", Optional.of(controlPlane), List.of()));
        }
        if (size.isPresent() && size.get() % 2 == 0) {
            return Optional.of(new DiffResponse.Forbidden("the control plane needs an odd number of machines with stacked etcd, not " + size.get()
                    + ": an even count tolerates no more failures than one machine fewer", Optional.of(controlPlane), List.of()));
        }
        if (prior.isPresent() && prior.get().version().isPresent() && desired.version().isPresent()
                && UpgradeChain.isDowngrade(prior.get().version().get(), desired.version().get())) {
            return Optional.of(new DiffResponse.Forbidden("downgrades are not supported: the cluster runs " + prior.get().version().get()
                    + " and cannot go back to " + desired.version().get(), Optional.of(AttributePath.attribute("kubernetes_version")), List.of()));
        }
        return Optional.empty();
    }

    /** The names of the top-level attributes that differ, apart from the ones the other steps describe. */
    private static List<String> changedAttributes(Value prior, Value planned)
    {
        SortedMap<String, Value> before = prior.asMapping().orElseThrow();
        List<String> changed = new ArrayList<>();
        for (Map.Entry<String, Value> entry : planned.asMapping().orElseThrow().entrySet()) {
            if (!SHAPE.contains(entry.getKey()) && !entry.getValue().equals(before.get(entry.getKey()))) {
                changed.add(entry.getKey());
            }
        }
        return changed;
    }
}
