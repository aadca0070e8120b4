package dev.kiln.providers.kubeadm.apply;

import dev.kiln.executors.apply.ApplyRequest;
import dev.kiln.executors.apply.ApplyResponse;
import dev.kiln.executors.apply.Driver;
import dev.kiln.executors.walk.ActionContext;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.value.Value;
import dev.kiln.planner.plan.ResourceChange;
import dev.kiln.providers.kubeadm.cluster.Bootstrap;
import dev.kiln.providers.kubeadm.cluster.ClusterWork;
import dev.kiln.providers.kubeadm.cluster.ControlPlaneAccess;
import dev.kiln.providers.kubeadm.cluster.KubeNode;
import dev.kiln.providers.kubeadm.cluster.Membership;
import dev.kiln.providers.kubeadm.cluster.NodeSettings;
import dev.kiln.providers.kubeadm.cluster.Parallel;
import dev.kiln.providers.kubeadm.cluster.Upgrades;
import dev.kiln.providers.kubeadm.remote.StepFailedException;
import dev.kiln.providers.kubeadm.spec.ClusterSpec;
import dev.kiln.providers.kubeadm.spec.ClusterSpecs;
import dev.kiln.providers.kubeadm.spec.NodeSpec;
import dev.kiln.providers.kubeadm.spec.PoolSpecs;
import dev.kiln.providers.kubeadm.spec.Values;
import dev.kiln.providers.kubeadm.steps.Facts;
import dev.kiln.providers.kubeadm.steps.NodeReset;
import dev.kiln.providers.kubeadm.steps.StepRunner;
import dev.kiln.providers.kubeadm.version.Releases;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Makes worker pools ({@code cluster.prod.pool["a"]}) real on their cluster, which must be
 * initialised first: prepares and joins the pool's workers in parallel, removes those no
 * longer listed (cordon, drain, delete, reset), brings the workers to the release the control
 * plane runs in batches of {@code max_unavailable}, and sets their labels and taints.
 * Deleting a pool drains and removes every worker; without a reachable control plane (the
 * cluster is gone) the hosts are only reset.
 */
final class PoolDriver
        implements Driver
{
    private final Environment environment;

    PoolDriver(Environment environment)
    {
        this.environment = environment;
    }

    @Override
    public ApplyResponse apply(ApplyRequest request, ActionContext context)
    {
        ResourceChange change = request.change();
        ResourceAddress address = change.address();
        return switch (change.action()) {
            case CREATE, UPDATE, NO_OP, REPLACE -> {
                Value planned = change.after().orElseThrow();
                ClusterSpec.Pool pool = PoolSpecs.of(address, planned, environment.names())
                        .orElseThrow(() -> new IllegalArgumentException("the nodes of " + address + " are not known at apply time"));
                Optional<ClusterSpec.Pool> prior = change.before().flatMap(value -> PoolSpecs.of(address, value, environment.names()));
                yield ApplyResponse.of(converge(address, planned, pool, prior, context));
            }
            case DELETE -> {
                change.before().flatMap(value -> PoolSpecs.of(address, value, environment.names())).ifPresent(pool -> delete(address, pool, context));
                yield ApplyResponse.deleted();
            }
        };
    }

    private Value converge(ResourceAddress address, Value planned, ClusterSpec.Pool pool, Optional<ClusterSpec.Pool> prior, ActionContext context)
    {
        ResourceAddress clusterAddress = address.parent().orElseThrow();
        ClusterSpec cluster = withPool(environment.clusters().apply(clusterAddress)
                .orElseThrow(() -> new IllegalArgumentException("the cluster " + clusterAddress + " of " + address + " is not in the configuration")), pool);
        ClusterWork work = new ClusterWork(environment.installation(cluster), environment.connector(), context);
        ControlPlaneAccess access = Bootstrap.findInitialized(work)
                .orElseThrow(() -> new StepFailedException(clusterAddress.toString(), "find the control plane",
                        "no control plane of " + clusterAddress + " answers; apply the cluster first"));
        String current = access.serverVersion("read the cluster's version");
        Set<String> members = access.nodes("list the cluster's nodes").stream().map(KubeNode::name).collect(Collectors.toSet());
        context.progress("prepare " + pool.nodes().size() + " worker(s) of " + address + " for Kubernetes " + current);
        Parallel.forEach(pool.nodes(), node -> {
            boolean member = members.contains(node.nodeName());
            Bootstrap.prepare(work, node, member ? kubeletVersion(access, node).orElse(current) : current, false, member);
            if (!member) {
                Membership.joinWorker(work, access, node, current, pool);
            }
        });
        prior.ifPresent(before -> {
            Set<String> kept = pool.nodes().stream().map(NodeSpec::address).collect(Collectors.toSet());
            List<NodeSpec> departed = before.nodes().stream().filter(node -> !kept.contains(node.address())).toList();
            if (!departed.isEmpty()) {
                context.progress("remove " + departed.size() + " worker(s) from " + address);
                Parallel.forEach(departed, node -> Membership.removeWorker(work, access, node));
            }
        });
        Upgrades.upgradePool(work, access, pool, current);
        NodeSettings.reconcile(work, access);
        return value(work, access, planned, pool);
    }

    private void delete(ResourceAddress address, ClusterSpec.Pool pool, ActionContext context)
    {
        Optional<ClusterSpec> cluster = environment.clusters().apply(address.parent().orElseThrow()).map(found -> withPool(found, pool));
        if (cluster.isPresent()) {
            ClusterWork work = new ClusterWork(environment.installation(cluster.get()), environment.connector(), context);
            Optional<ControlPlaneAccess> access = Bootstrap.findInitialized(work);
            if (access.isPresent()) {
                Parallel.forEach(pool.nodes(), node -> Membership.removeWorker(work, access.get(), node));
                return;
            }
        }
        context.progress("no control plane answers for " + address + "; reset its workers");
        Parallel.forEach(pool.nodes(), node -> StepRunner.runAll(environment.connector().open(node, context),
                NodeReset.steps(ClusterSpecs.DEFAULT_ETCD_DATA_DIR), context));
    }

    private Value value(ClusterWork work, ControlPlaneAccess access, Value planned, ClusterSpec.Pool pool)
    {
        Map<String, Facts> facts = new ConcurrentHashMap<>();
        Parallel.forEach(pool.nodes(), node -> facts.put(node.address(), Facts.gather(work.remote(node))));
        Value value = Filling.groupNodes(planned, element -> Values.string(element, "address").map(facts::get)
                .map(found -> Filling.node(element, found, Optional.empty())).orElse(element));
        List<KubeNode> registered = access.nodes("read the workers' status");
        Map<String, KubeNode> byName = new TreeMap<>();
        registered.forEach(node -> byName.put(node.name(), node));
        List<KubeNode> mine = pool.nodes().stream().map(node -> byName.get(node.nodeName())).filter(Objects::nonNull).toList();
        String oldest = mine.stream().map(KubeNode::kubeletVersion).min(Comparator.comparing(Releases::parse))
                .orElse(Values.string(planned, "kubernetes_version").orElse(""));
        boolean healthy = mine.size() == pool.nodes().size() && mine.stream().allMatch(KubeNode::ready);
        value = Values.with(value, Map.of("current_version", Value.string(oldest), "status", Value.string(healthy ? "running" : "degraded")));
        return Filling.unknownsToNull(value);
    }

    private static Optional<String> kubeletVersion(ControlPlaneAccess access, NodeSpec node)
    {
        return access.node("read the node's version", node.nodeName()).map(KubeNode::kubeletVersion);
    }

    private static ClusterSpec withPool(ClusterSpec cluster, ClusterSpec.Pool pool)
    {
        return new ClusterSpec(cluster.name(), cluster.version(), cluster.controlPlane(), new TreeMap<>(Map.of(pool.name(), pool)), cluster.network(), cluster.runtime(),
                cluster.etcd(), cluster.certSans(), cluster.externalAddress(), cluster.registry(), cluster.storages(), cluster.install(),
                cluster.encryptionProviderConfig(), cluster.upgradePath());
    }
}
