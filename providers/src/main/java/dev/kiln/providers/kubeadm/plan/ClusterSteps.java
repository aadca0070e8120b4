package dev.kiln.providers.kubeadm.plan;

import dev.kiln.providers.kubeadm.render.Calico;
import dev.kiln.providers.kubeadm.spec.ClusterSpec;
import dev.kiln.providers.kubeadm.spec.NodeSpec;
import dev.kiln.providers.kubeadm.spec.StorageSpec;
import dev.kiln.providers.kubeadm.version.Releases;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The steps of a kubeadm cluster change, in the order the driver takes them, in words an operator reads. */
final class ClusterSteps
{
    private static final int LISTED = 5;

    private ClusterSteps() {}

    static List<String> create(Optional<ClusterSpec> desired, List<String> offered)
    {
        if (desired.isEmpty()) {
            return List.of("prepare the hosts, initialise the control plane, join the nodes (their addresses are known after apply)");
        }
        ClusterSpec cluster = desired.get();
        List<String> steps = new ArrayList<>();
        steps.add("prepare " + count(cluster.allNodes().size(), "host") + ": " + cluster.runtime().type() + ", Kubernetes " + cluster.version() + " "
                + (cluster.install().offline() ? "from the offline bundle" : "from the package repository") + ", kubelet service");
        NodeSpec first = cluster.controlPlane().nodes().getFirst();
        steps.add("kubeadm init on " + first.shown() + " with endpoint " + cluster.controlPlane().endpointAddress()
                + (cluster.controlPlane().virtualIp() ? " (a kube-vip virtual IP)" : ""));
        List<NodeSpec> others = cluster.controlPlane().nodes().subList(1, cluster.controlPlane().nodes().size());
        if (!others.isEmpty()) {
            steps.add("join to the control plane, one at a time (each adds an etcd member): " + names(others));
        }
        steps.add(calico(cluster));
        cluster.pools().values().stream().filter(pool -> !pool.nodes().isEmpty())
                .forEach(pool -> steps.add("join " + count(pool.nodes().size(), "worker") + " to worker pool \"" + pool.name() + "\": " + names(pool.nodes())));
        if (cluster.controlPlane().schedulable()) {
            steps.add("remove the control-plane taint, so workloads run on the control plane");
        }
        cluster.storages().forEach(storage -> steps.add(storage(storage)));
        return List.copyOf(steps);
    }

    static List<String> delete(ClusterSpec prior)
    {
        List<String> steps = new ArrayList<>();
        if (!prior.workers().isEmpty()) {
            steps.add("reset " + count(prior.workers().size(), "worker") + " (kubeadm reset, CNI, iptables, mounts, data directories)");
        }
        steps.add("reset the control plane, one node at a time: " + names(prior.controlPlane().nodes().reversed()));
        return List.copyOf(steps);
    }

    static List<String> update(Optional<ClusterSpec> prior, Optional<ClusterSpec> desired, List<String> offered)
    {
        if (prior.isEmpty() || desired.isEmpty()) {
            return List.of("converge the cluster's hosts to the configuration");
        }
        ClusterSpec before = prior.get();
        ClusterSpec after = desired.get();
        List<String> steps = new ArrayList<>();
        Set<String> beforeHosts = addresses(before.allNodes());
        Set<String> afterHosts = addresses(after.allNodes());
        List<NodeSpec> addedControlPlanes = after.controlPlane().nodes().stream().filter(node -> !beforeHosts.contains(node.address())).toList();
        if (!addedControlPlanes.isEmpty()) {
            steps.add("join to the control plane, one at a time (each adds an etcd member): " + names(addedControlPlanes));
        }
        for (ClusterSpec.Pool pool : after.pools().values()) {
            List<NodeSpec> added = pool.nodes().stream().filter(node -> !beforeHosts.contains(node.address())).toList();
            if (!added.isEmpty()) {
                steps.add("prepare and join " + count(added.size(), "worker") + " to worker pool \"" + pool.name() + "\": " + names(added));
            }
        }
        List<NodeSpec> removedWorkers = before.workers().stream().filter(node -> !afterHosts.contains(node.address())).toList();
        if (!removedWorkers.isEmpty()) {
            steps.add("cordon, drain (" + 5 + " min timeout), delete and reset " + count(removedWorkers.size(), "worker") + ": " + names(removedWorkers));
        }
        List<NodeSpec> removedControlPlanes = before.controlPlane().nodes().stream().filter(node -> !afterHosts.contains(node.address())).toList();
        if (!removedControlPlanes.isEmpty()) {
            steps.add("remove from the control plane, one at a time, each after an etcd quorum check (member removed first, then node, then reset): "
                    + names(removedControlPlanes));
        }
        String from = before.version();
        List<String> chain = Releases.chain(before.version(), after.version(), offered, after.upgradePath());
        if (chain.size() > 1 || (!chain.isEmpty() && !after.upgradePath().isEmpty())) {
            steps.add("upgrade chain " + from + " → " + String.join(" → ", chain) + (after.upgradePath().isEmpty() ? " (newest patch of each minor on offer)" : " (upgrade_path)"));
        }
        for (String release : chain) {
            steps.add("upgrade from " + from + " to " + release + ": kubeadm upgrade apply on " + after.controlPlane().nodes().getFirst().nodeName()
                    + ", kubeadm upgrade node on the other control planes one at a time, kubelet restarted and checked at " + release);
            for (ClusterSpec.Pool pool : after.pools().values()) {
                if (!pool.nodes().isEmpty()) {
                    steps.add("upgrade worker pool \"" + pool.name() + "\" to " + release + " in batches of " + pool.batch()
                            + ": cordon, drain, kubeadm upgrade node, kubelet, uncordon");
                }
            }
            from = release;
        }
        if (!after.network().calico().equals(before.network().calico())) {
            steps.add(calico(after));
        }
        if (after.controlPlane().schedulable() && !before.controlPlane().schedulable()) {
            steps.add("remove the control-plane taint, so workloads run on the control plane");
        }
        after.storages().stream().filter(storage -> !before.storages().contains(storage)).forEach(storage -> steps.add(storage(storage)));
        if (!after.registry().equals(before.registry()) || !after.runtime().equals(before.runtime())) {
            steps.add("rewrite the container runtime's configuration on every host and restart it");
        }
        if (steps.isEmpty()) {
            steps.add("set the nodes' labels and taints and converge the hosts to the configuration");
        }
        return List.copyOf(steps);
    }

    private static String calico(ClusterSpec cluster)
    {
        ClusterSpec.Calico calico = cluster.network().calico();
        return "apply Calico " + calico.version().orElse(Calico.DEFAULT_VERSION) + " (" + calico.mode() + ", MTU " + calico.mtu() + ", pods "
                + String.join(",", cluster.network().podCidrs()) + ")";
    }

    private static String storage(StorageSpec storage)
    {
        return switch (storage) {
            case StorageSpec.Nfs nfs -> "apply storage class " + nfs.storageClass() + " (NFS " + nfs.server() + ":" + nfs.path() + (nfs.defaultClass() ? ", default" : "") + ")";
            case StorageSpec.Ceph ceph -> "apply storage class " + ceph.storageClass() + " (Ceph RBD pool " + ceph.pool() + (ceph.defaultClass() ? ", default" : "") + ")";
        };
    }

    private static Set<String> addresses(List<NodeSpec> nodes)
    {
        return nodes.stream().map(NodeSpec::address).collect(Collectors.toSet());
    }

    private static String names(List<NodeSpec> nodes)
    {
        String listed = nodes.stream().limit(LISTED).map(NodeSpec::nodeName).collect(Collectors.joining(", "));
        return nodes.size() > LISTED ? listed + " and " + (nodes.size() - LISTED) + " more" : listed;
    }

    private static String count(int value, String noun)
    {
        return value + " " + noun + (value == 1 ? "" : "s");
    }
}
