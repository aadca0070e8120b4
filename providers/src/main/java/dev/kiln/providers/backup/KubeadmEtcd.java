package dev.kiln.providers.backup;

import dev.kiln.executors.ssh.NodeSshConfigs;
import dev.kiln.executors.ssh.SshHosts;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.config.Config;
import dev.kiln.lang.config.model.Cluster;
import dev.kiln.lang.config.model.Node;
import dev.kiln.lang.config.model.NodeList;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The stacked etcd of a kubeadm cluster as the configuration describes it: one member per
 * control-plane node, named as the node is in Kubernetes (kubeadm names the member after
 * the node), peers on {@code https://ADDRESS:2380}, and every etcdctl call made on the node
 * itself against {@code https://127.0.0.1:2379} with kubeadm's etcd client certificates.
 */
final class KubeadmEtcd
{
    static final Duration RESTORE_TIMEOUT = Duration.ofMinutes(5);

    private KubeadmEtcd() {}

    /** {@code hostKeys}: the host key the state recorded for a node (trust on first use), if any. */
    static StaticPodEtcd open(Config config, ResourceAddress cluster, SshHosts hosts, Function<ResourceAddress, Optional<String>> hostKeys)
            throws BackupException
    {
        Cluster model = Optional.ofNullable(config.model().clusters().get(cluster))
                .orElseThrow(() -> new BackupException(cluster + " is in the state but not in the configuration; its control-plane nodes are unknown."));
        List<ResourceAddress> nodes = model.controlPlane().members().nodes().map(NodeList::nodes).orElse(List.of());
        if (nodes.isEmpty()) {
            throw new BackupException(cluster + " names no control-plane nodes in its configuration; Kiln reaches etcd through them.");
        }
        List<ControlPlaneMember> members = new ArrayList<>();
        for (ResourceAddress address : nodes) {
            Node node = Optional.ofNullable(config.model().nodes().get(address))
                    .orElseThrow(() -> new BackupException(cluster + "'s control-plane node " + address + " is not in the configuration."));
            String host = node.hostAddress().known().orElseThrow(() -> new BackupException(address + "'s address is not known."));
            String name = node.nodeName().known().orElseThrow(() -> new BackupException(address + "'s node name is not known."));
            members.add(new ControlPlaneMember(name, new SshEtcdHost(hosts.session(NodeSshConfigs.fromNode(node, hostKeys.apply(address)))),
                    "https://127.0.0.1:2379", "https://" + host + ":2380"));
        }
        return new StaticPodEtcd(cluster.toString(), members, KubeadmLayout.kubeadm(), RESTORE_TIMEOUT);
    }
}
