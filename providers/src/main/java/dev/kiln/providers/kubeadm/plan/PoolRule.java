package dev.kiln.providers.kubeadm.plan;

import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;
import dev.kiln.planner.diff.StandardDiffRule;
import dev.kiln.planner.spi.DiffRequest;
import dev.kiln.planner.spi.DiffResponse;
import dev.kiln.planner.spi.DiffRule;
import dev.kiln.providers.kubeadm.spec.ClusterSpec;
import dev.kiln.providers.kubeadm.spec.NodeNames;
import dev.kiln.providers.kubeadm.spec.NodeSpec;
import dev.kiln.providers.kubeadm.spec.PoolSpecs;
import dev.kiln.providers.kubeadm.spec.Values;
import dev.kiln.providers.kubeadm.version.Releases;
import dev.kiln.state.AttributePath;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Plans a kubeadm worker pool: workers join in parallel, leave by cordon, drain, deletion and
 * reset, and follow their cluster's control plane to its release in batches of
 * {@code max_unavailable}. Never downward, and never further than the kubelet version skew
 * allows (three minors from v1.28, two before).
 */
public final class PoolRule
        implements DiffRule
{
    private static final AttributePath VERSION = AttributePath.attribute("kubernetes_version");

    private final NodeNames names;

    public PoolRule(NodeNames names)
    {
        this.names = names;
    }

    @Override
    public DiffResponse diff(DiffRequest request)
    {
        Optional<ClusterSpec.Pool> prior = request.prior().flatMap(value -> PoolSpecs.of(request.address(), value, names));
        if (request.desired().isEmpty()) {
            return new DiffResponse.Delete(List.of("cordon, drain, delete and reset the pool's workers"
                    + prior.map(pool -> ": " + names(pool.nodes())).orElse("")), List.of());
        }
        Value desiredValue = request.desired().get();
        Optional<String> from = request.prior().flatMap(PoolSpecs::version);
        Optional<String> to = PoolSpecs.version(desiredValue);
        if (from.isPresent() && to.isPresent()) {
            if (Releases.isDowngrade(from.get(), to.get())) {
                return new DiffResponse.Forbidden("downgrades are not supported: the pool runs " + from.get() + " and cannot go back to " + to.get(),
                        Optional.of(VERSION), List.of());
            }
            int behind = Releases.parse(to.get()).getMinor() - Releases.parse(from.get()).getMinor();
            int allowed = Releases.parse(to.get()).getMinor() >= 28 ? 3 : 2;
            if (behind > allowed) {
                return new DiffResponse.Forbidden("the pool runs " + from.get() + ", and its control plane reaches " + to.get() + " first: its kubelets would lag "
                        + "the API server by " + behind + " minor versions, and Kubernetes allows " + allowed + ". Upgrade by at most " + allowed
                        + " minor versions per apply", Optional.of(VERSION), List.of());
            }
        }
        Optional<ClusterSpec.Pool> desired = PoolSpecs.of(request.address(), desiredValue, names);
        DiffResponse response = StandardDiffRule.INSTANCE.diff(request);
        return switch (response) {
            case DiffResponse.NoOp noOp -> noOp;
            case DiffResponse.Forbidden refused -> refused;
            case DiffResponse.Delete delete -> delete;
            case DiffResponse.Create create -> new DiffResponse.Create(create.planned(), List.of(desired
                    .map(pool -> "prepare and join " + pool.nodes().size() + " worker(s) in parallel: " + names(pool.nodes()))
                    .orElse("prepare and join the pool's workers")), create.diagnostics());
            case DiffResponse.Replace replace -> new DiffResponse.Replace(replace.planned(), replace.forcedBy(),
                    List.of("remove the pool's workers", "join them again"), replace.diagnostics());
            case DiffResponse.Update update -> {
                Value planned = Values.with(update.planned(), "status", Value.unknown(Type.STRING));
                if (!from.equals(to)) {
                    planned = Values.with(planned, "current_version", Value.unknown(Type.STRING));
                }
                yield new DiffResponse.Update(planned, updateSteps(prior, desired, from, to), update.diagnostics());
            }
        };
    }

    private static List<String> updateSteps(Optional<ClusterSpec.Pool> prior, Optional<ClusterSpec.Pool> desired, Optional<String> from, Optional<String> to)
    {
        List<String> steps = new ArrayList<>();
        if (prior.isPresent() && desired.isPresent()) {
            Set<String> before = prior.get().nodes().stream().map(NodeSpec::address).collect(Collectors.toSet());
            Set<String> after = desired.get().nodes().stream().map(NodeSpec::address).collect(Collectors.toSet());
            List<NodeSpec> added = desired.get().nodes().stream().filter(node -> !before.contains(node.address())).toList();
            List<NodeSpec> removed = prior.get().nodes().stream().filter(node -> !after.contains(node.address())).toList();
            if (!added.isEmpty()) {
                steps.add("prepare and join " + added.size() + " worker(s) in parallel: " + names(added));
            }
            if (!removed.isEmpty()) {
                steps.add("cordon, drain (5 min timeout), delete and reset " + removed.size() + " worker(s): " + names(removed));
            }
        }
        if (from.isPresent() && to.isPresent() && !from.equals(to)) {
            steps.add("upgrade the workers from " + from.get() + " to " + to.get() + " after the control plane, in batches of "
                    + desired.map(ClusterSpec.Pool::batch).orElse(1) + ": cordon, drain, kubeadm upgrade node, kubelet, uncordon");
        }
        if (steps.isEmpty()) {
            steps.add("set the workers' labels and taints");
        }
        return List.copyOf(steps);
    }

    private static String names(List<NodeSpec> nodes)
    {
        return nodes.stream().map(NodeSpec::nodeName).collect(Collectors.joining(", "));
    }
}
