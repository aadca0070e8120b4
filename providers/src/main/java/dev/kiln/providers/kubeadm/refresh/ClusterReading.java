package dev.kiln.providers.kubeadm.refresh;

import dev.kiln.executors.walk.ActionContext;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.value.Value;
import dev.kiln.planner.spi.RefreshRequest;
import dev.kiln.planner.spi.RefreshResponse;
import dev.kiln.providers.kubeadm.apply.Environment;
import dev.kiln.providers.kubeadm.cluster.Bootstrap;
import dev.kiln.providers.kubeadm.cluster.ClusterWork;
import dev.kiln.providers.kubeadm.cluster.ControlPlaneAccess;
import dev.kiln.providers.kubeadm.cluster.EtcdMember;
import dev.kiln.providers.kubeadm.cluster.KubeNode;
import dev.kiln.providers.kubeadm.spec.ClusterSpec;
import dev.kiln.providers.kubeadm.spec.ClusterSpecs;
import dev.kiln.providers.kubeadm.spec.NodeSpec;
import dev.kiln.providers.kubeadm.spec.PoolSpecs;
import dev.kiln.providers.kubeadm.spec.Values;
import dev.kiln.providers.kubeadm.version.Releases;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A cluster or pool read from its control plane: {@code kubectl get nodes -o json} with the
 * admin kubeconfig, the API server's version, {@code etcdctl member list}. Members that are no
 * longer registered (or whose etcd member is gone) drop out of the observed node lists, so the
 * plan joins them again; a version changed by hand becomes the observed
 * {@code kubernetes_version}, so the plan converges it back (or refuses a downgrade).
 */
final class ClusterReading
{
    private static final String STEP = "refresh";

    private final Environment environment;
    private final ActionContext context;

    ClusterReading(Environment environment, ActionContext context)
    {
        this.environment = environment;
        this.context = context;
    }

    RefreshResponse cluster(RefreshRequest request)
    {
        Value prior = request.prior();
        ClusterSpec spec = ClusterSpecs.of(request.address().name(), prior, environment.names());
        ClusterWork work = new ClusterWork(environment.installation(spec), environment.connector(), context);
        Optional<ControlPlaneAccess> found = Bootstrap.findInitialized(work);
        if (found.isEmpty()) {
            return new RefreshResponse(Optional.empty(), List.of(KubeadmRefresher.warning("Cluster gone",
                    request.address() + ": no control plane answers with an API server any more; the plan creates the cluster again")));
        }
        ControlPlaneAccess access = found.get();
        List<Diagnostic> warnings = new ArrayList<>();
        String version = access.serverVersion(STEP);
        List<KubeNode> nodes = access.nodes(STEP);
        List<EtcdMember> members = spec.etcd().stacked() ? access.etcdMembers(STEP) : List.of();
        List<Value> kept = new ArrayList<>();
        List<Value> elements = Values.attribute(prior, "control_plane").flatMap(block -> Values.sequence(block, "nodes")).orElse(List.of());
        for (int index = 0; index < elements.size(); index++) {
            NodeSpec node = spec.controlPlane().nodes().get(index);
            Optional<KubeNode> registered = find(nodes, node);
            boolean member = !spec.etcd().stacked() || members.stream().anyMatch(candidate -> candidate.isOn(node.address()) || candidate.name().equals(node.nodeName()));
            if (registered.isEmpty() || !member) {
                warnings.add(KubeadmRefresher.warning("Control plane missing", request.address() + ": " + node.shown()
                        + (registered.isEmpty() ? " is not registered with the API server" : " has no etcd member") + "; the plan joins it again"));
                continue;
            }
            notReady(registered.get(), request, warnings);
            kept.add(elements.get(index));
        }
        Value observed = prior;
        if (kept.size() != elements.size()) {
            Value block = Values.attribute(prior, "control_plane").orElseThrow();
            observed = Values.with(observed, "control_plane", Values.with(block, "nodes", new Value.TupleValue(kept, false)));
        }
        if (!Values.string(prior, "kubernetes_version").orElse("").equals(version)) {
            warnings.add(KubeadmRefresher.warning("Version changed outside of Kiln", request.address() + ": the API server runs " + version
                    + ", the state recorded " + Values.string(prior, "kubernetes_version").orElse("nothing")));
        }
        boolean healthy = kept.size() == elements.size() && nodes.stream().allMatch(KubeNode::ready);
        observed = Values.with(observed, Map.of(
                "kubernetes_version", Value.string(version),
                "current_version", Value.string(version),
                "status", Value.string(healthy ? "running" : "degraded")));
        return new RefreshResponse(Optional.of(observed), warnings);
    }

    RefreshResponse pool(RefreshRequest request)
    {
        Value prior = request.prior();
        ClusterSpec.Pool pool = PoolSpecs.of(request.address(), prior, environment.names()).orElseThrow();
        Optional<ClusterSpec> cluster = environment.clusters().apply(request.address().parent().orElseThrow());
        if (cluster.isEmpty()) {
            return RefreshResponse.observed(prior);
        }
        ClusterWork work = new ClusterWork(environment.installation(cluster.get()), environment.connector(), context);
        Optional<ControlPlaneAccess> access = Bootstrap.findInitialized(work);
        if (access.isEmpty()) {
            return RefreshResponse.gone();
        }
        List<KubeNode> nodes = access.get().nodes(STEP);
        List<Diagnostic> warnings = new ArrayList<>();
        List<Value> elements = Values.sequence(prior, "nodes").orElse(List.of());
        List<Value> kept = new ArrayList<>();
        List<KubeNode> registeredMembers = new ArrayList<>();
        for (int index = 0; index < elements.size(); index++) {
            NodeSpec node = pool.nodes().get(index);
            Optional<KubeNode> registered = find(nodes, node);
            if (registered.isEmpty()) {
                warnings.add(KubeadmRefresher.warning("Worker missing", request.address() + ": " + node.shown() + " is not registered with the API server; the plan joins it again"));
                continue;
            }
            notReady(registered.get(), request, warnings);
            registeredMembers.add(registered.get());
            kept.add(elements.get(index));
        }
        Value observed = kept.size() == elements.size() ? prior : Values.with(prior, "nodes", new Value.TupleValue(kept, false));
        Optional<String> oldest = registeredMembers.stream().map(KubeNode::kubeletVersion).min(Comparator.comparing(Releases::parse));
        String recorded = Values.string(prior, "kubernetes_version").orElse("");
        TreeMap<String, Value> changes = new TreeMap<>();
        oldest.ifPresent(version -> {
            changes.put("current_version", Value.string(version));
            if (registeredMembers.stream().anyMatch(node -> !node.kubeletVersion().equals(recorded))) {
                warnings.add(KubeadmRefresher.warning("Version changed outside of Kiln", request.address() + ": kubelets run "
                        + registeredMembers.stream().map(KubeNode::kubeletVersion).distinct().sorted().toList() + ", the state recorded " + recorded));
                changes.put("kubernetes_version", Value.string(version));
            }
        });
        boolean healthy = kept.size() == elements.size() && registeredMembers.stream().allMatch(KubeNode::ready);
        changes.put("status", Value.string(healthy ? "running" : "degraded"));
        return new RefreshResponse(Optional.of(Values.with(observed, changes)), warnings);
    }

    private static Optional<KubeNode> find(List<KubeNode> nodes, NodeSpec node)
    {
        return nodes.stream().filter(candidate -> candidate.name().equals(node.nodeName()) || candidate.internalAddress().equals(node.address())).findFirst();
    }

    private static void notReady(KubeNode node, RefreshRequest request, List<Diagnostic> warnings)
    {
        if (!node.ready()) {
            warnings.add(KubeadmRefresher.warning("Node not ready", request.address() + ": node " + node.name() + " is NotReady"));
        }
    }
}
