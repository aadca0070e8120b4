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
 * Plans a capi cluster or worker pool from values alone — planning never needs the management cluster, so a
 * management cluster created in the same plan is fine. The rules Cluster API imposes: no
 * downgrades; upgrades one minor version at a time, the control plane before the pools, each
 * hop a visible step; a control plane of at least one machine, an odd number with stacked
 * etcd. The status and the running version are known again only after apply.
 */
final class CapiDiffRule
        implements DiffRule
{
    private static final Set<String> SHAPE = Set.of("kubernetes_version", "current_version", "status", "control_plane", "replicas",
            "endpoint", "kubeconfig", "ca_certificate");

    /** The cluster's backup block: its scheduled backups are their own instance ({@code cluster.prod.backup}). */
    private static final String BACKUP = "backup";

    private final String namespace;
    private final boolean pool;

    private CapiDiffRule(String namespace, boolean pool)
    {
        this.namespace = namespace;
        this.pool = pool;
    }

    static CapiDiffRule cluster(String namespace)
    {
        return new CapiDiffRule(namespace, false);
    }

    static CapiDiffRule pool(String namespace)
    {
        return new CapiDiffRule(namespace, true);
    }

    @Override
    public DiffResponse diff(DiffRequest request)
    {
        Optional<CapiShape> prior = request.prior().map(this::shape);
        if (request.desired().isEmpty()) {
            return new DiffResponse.Delete(deleteSteps(request), List.of());
        }
        CapiShape desired = shape(request.desired().get());
        Optional<DiffResponse.Forbidden> forbidden = forbidden(prior, desired);
        if (forbidden.isPresent()) {
            return forbidden.get();
        }
        return switch (StandardDiffRule.INSTANCE.diff(request)) {
            case DiffResponse.NoOp noOp -> noOp;
            case DiffResponse.Forbidden refused -> refused;
            case DiffResponse.Delete delete -> new DiffResponse.Delete(deleteSteps(request), delete.diagnostics());
            case DiffResponse.Create create -> new DiffResponse.Create(create.planned(), createSteps(request, desired), create.diagnostics());
            case DiffResponse.Replace replace -> {
                List<String> steps = new ArrayList<>(deleteSteps(request));
                steps.addAll(createSteps(request, desired));
                yield new DiffResponse.Replace(replace.planned(), replace.forcedBy(), steps, replace.diagnostics());
            }
            case DiffResponse.Update update -> {
                Value planned = CapiValues.with(update.planned(), "status", Value.unknown(Type.STRING));
                if (!desired.version().equals(prior.orElseThrow().version())) {
                    planned = CapiValues.with(planned, "current_version", Value.unknown(Type.STRING));
                }
                List<String> others = changedAttributes(request.prior().get(), planned);
                if (!pool && others.equals(List.of(BACKUP)) && prior.orElseThrow().equals(desired)) {
                    yield new DiffResponse.Update(planned, List.of("record the cluster's new backup settings (" + request.address() + "." + BACKUP
                            + " installs them; the Cluster API objects stay as they are)"), update.diagnostics());
                }
                yield new DiffResponse.Update(planned, pool
                        ? ClusterPlanSteps.updatePool(PoolNames.pool(request.address()), prior.get(), desired, others)
                        : ClusterPlanSteps.updateCluster(prior.get(), desired, others), update.diagnostics());
            }
        };
    }

    private CapiShape shape(Value value)
    {
        return pool ? CapiShape.pool(value) : CapiShape.cluster(value);
    }

    private List<String> createSteps(DiffRequest request, CapiShape desired)
    {
        return pool
                ? ClusterPlanSteps.createPool(namespace, PoolNames.deployment(request.address()), PoolNames.pool(request.address()), desired)
                : ClusterPlanSteps.createCluster(namespace, CapiNames.cluster(request.address()), desired);
    }

    private List<String> deleteSteps(DiffRequest request)
    {
        return pool
                ? ClusterPlanSteps.deletePool(namespace, PoolNames.deployment(request.address()))
                : ClusterPlanSteps.deleteCluster(namespace, CapiNames.cluster(request.address()));
    }

    private Optional<DiffResponse.Forbidden> forbidden(Optional<CapiShape> prior, CapiShape desired)
    {
        AttributePath controlPlane = AttributePath.attribute("control_plane");
        Optional<Integer> size = pool ? Optional.empty() : desired.replicas();
        if (pool && desired.replicas().isPresent() && desired.replicas().get() < 0) {
            return Optional.of(new DiffResponse.Forbidden("a pool cannot have fewer than 0 machines", Optional.of(AttributePath.attribute("replicas")), List.of()));
        }
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
