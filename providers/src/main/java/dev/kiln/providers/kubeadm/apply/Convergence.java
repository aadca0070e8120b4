package dev.kiln.providers.kubeadm.apply;

import dev.kiln.lang.value.Value;
import dev.kiln.providers.kubeadm.cluster.Addons;
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
import dev.kiln.providers.kubeadm.spec.NodeSpec;
import dev.kiln.providers.kubeadm.spec.RegistrySpec;
import dev.kiln.providers.kubeadm.spec.Values;
import dev.kiln.providers.kubeadm.steps.Facts;
import dev.kiln.providers.kubeadm.version.Releases;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Brings a cluster's hosts to its configuration, in the order that keeps it available: find
 * (or initialise) the control plane; prepare every host; join missing control planes one at
 * a time; Calico; join missing workers in parallel; remove control planes and workers no
 * longer configured; upgrade through each release of the chain; labels and taints; storage.
 * Every part observes first, so a second run after a failure repeats nothing finished.
 */
final class Convergence
{
    private final ClusterWork work;

    Convergence(ClusterWork work)
    {
        this.work = work;
    }

    Value converge(Value planned, Optional<ClusterSpec> prior)
    {
        ClusterSpec cluster = work.cluster();
        Optional<ControlPlaneAccess> found = Bootstrap.findInitialized(work);
        String current = found.map(access -> access.serverVersion("read the cluster's version")).orElse(cluster.version());
        if (Releases.isDowngrade(current, cluster.version())) {
            throw new StepFailedException(found.orElseThrow().host().host(), "read the cluster's version",
                    "the cluster runs " + current + " and cannot go back to " + cluster.version());
        }
        Set<String> members = found.map(access -> access.nodes("list the cluster's nodes").stream().map(KubeNode::name).collect(Collectors.toSet())).orElse(Set.of());
        Set<String> controlPlaneAddresses = cluster.controlPlane().nodes().stream().map(NodeSpec::address).collect(Collectors.toSet());
        work.progress("prepare " + cluster.allNodes().size() + " hosts for Kubernetes " + current);
        Parallel.forEach(cluster.allNodes(), node -> Bootstrap.prepare(work, node, current, controlPlaneAddresses.contains(node.address()),
                members.contains(node.nodeName())));
        ControlPlaneAccess access = found.orElseGet(() -> Bootstrap.initialize(work, current));
        for (NodeSpec node : cluster.controlPlane().nodes()) {
            if (!node.address().equals(addressOf(access, cluster))) {
                Membership.joinControlPlane(work, access, node, current);
            }
        }
        Addons.apply(work, access, current);
        for (ClusterSpec.Pool pool : cluster.pools().values()) {
            Parallel.forEach(pool.nodes(), node -> Membership.joinWorker(work, access, node, current, pool));
        }
        prior.ifPresent(before -> removeDeparted(access, before));
        String version = current;
        for (String release : Releases.chain(current, cluster.version(), work.installation().bundle().map(bundle -> bundle.releases()).orElse(List.of()), cluster.upgradePath())) {
            work.progress("upgrade cluster " + cluster.name() + " from " + version + " to " + release);
            Upgrades.upgrade(work, access, release);
            version = release;
        }
        NodeSettings.reconcile(work, access);
        return value(planned, access, version);
    }

    private void removeDeparted(ControlPlaneAccess access, ClusterSpec prior)
    {
        Set<String> kept = work.cluster().allNodes().stream().map(NodeSpec::address).collect(Collectors.toSet());
        List<NodeSpec> workers = prior.workers().stream().filter(node -> !kept.contains(node.address())).toList();
        if (!workers.isEmpty()) {
            work.progress("remove " + workers.size() + " worker(s): " + workers.stream().map(NodeSpec::nodeName).toList());
            Parallel.forEach(workers, node -> Membership.removeWorker(work, access, node));
        }
        for (NodeSpec node : prior.controlPlane().nodes()) {
            if (!kept.contains(node.address())) {
                work.progress("remove control plane " + node.shown());
                Membership.removeControlPlane(work, access, node);
            }
        }
    }

    private Value value(Value planned, ControlPlaneAccess access, String version)
    {
        ClusterSpec cluster = work.cluster();
        Map<String, Facts> facts = new TreeMap<>();
        Parallel.forEach(cluster.allNodes(), node -> {
            Facts gathered = Facts.gather(work.remote(node));
            synchronized (facts) {
                facts.put(node.address(), gathered);
            }
        });
        Value value = planned;
        Optional<Value> controlPlane = Values.attribute(value, "control_plane");
        if (controlPlane.isPresent()) {
            value = Values.with(value, "control_plane", Filling.groupNodes(controlPlane.get(), element -> fillNode(element, facts)));
        }
        Optional<Value> pools = Values.attribute(value, "worker_pool");
        if (pools.isPresent() && pools.get() instanceof Value.MapValue map) {
            TreeMap<String, Value> entries = new TreeMap<>();
            map.entries().forEach((name, pool) -> entries.put(name, pool.isNull() ? pool : Filling.groupNodes(pool, element -> fillNode(element, facts))));
            value = Values.with(value, "worker_pool", new Value.MapValue(map.elementType(), entries, map.sensitive()));
        }
        Optional<Value> registry = Values.attribute(value, "registry");
        if (registry.isPresent() && cluster.registry().isPresent()) {
            value = Values.with(value, "registry", registry(registry.get(), cluster.registry().get(), facts));
        }
        String step = "read the cluster's kubeconfig";
        value = Values.with(value, Map.of(
                "endpoint", Value.string("https://" + cluster.controlPlane().endpointAddress()),
                "kubeconfig", Value.string(access.adminKubeconfig(step)).withSensitive(true),
                "ca_certificate", Value.string(access.caCertificate(step)),
                "status", Value.string(status(access)),
                "current_version", Value.string(version)));
        return Filling.unknownsToNull(value);
    }

    /** The cluster's copy of its registry, with the address and the managed node's facts filled in. */
    private Value registry(Value registry, RegistrySpec spec, Map<String, Facts> facts)
    {
        Value result = Values.with(registry, "address", Value.string(spec.address()));
        Optional<Value> managed = Values.attribute(result, "managed");
        Optional<Value> node = managed.flatMap(block -> Values.attribute(block, "node"));
        if (spec.managed().isEmpty() || node.isEmpty()) {
            return result;
        }
        NodeSpec host = spec.managed().get().node();
        Facts found = facts.containsKey(host.address()) ? facts.get(host.address()) : Facts.gather(work.remote(host));
        return Values.with(result, "managed", Values.with(managed.get(), "node", Filling.secretsMarked(Filling.node(node.get(), found, Optional.empty()))));
    }

    private String status(ControlPlaneAccess access)
    {
        List<KubeNode> nodes = access.nodes("read the nodes' status");
        return nodes.size() >= work.cluster().allNodes().size() && nodes.stream().allMatch(KubeNode::ready) ? "running" : "degraded";
    }

    private static Value fillNode(Value element, Map<String, Facts> facts)
    {
        Optional<String> address = Values.string(element, "address");
        if (address.isEmpty() || !facts.containsKey(address.get())) {
            return element;
        }
        return Filling.node(element, facts.get(address.get()), Optional.empty());
    }

    private static String addressOf(ControlPlaneAccess access, ClusterSpec cluster)
    {
        return cluster.controlPlane().nodes().stream().filter(node -> access.host().host().contains("(" + node.address() + ")"))
                .map(NodeSpec::address).findFirst().orElse("");
    }
}
