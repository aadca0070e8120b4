package dev.kiln.providers.backup;

import dev.kiln.providers.sim.Datacenter;
import dev.kiln.providers.sim.Member;
import dev.kiln.providers.sim.SimCluster;
import dev.kiln.providers.sim.Status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The etcd of a simulated cluster: its {@link SimKeyspace}, snapshotted as a document; its
 * objects the namespaces, nodes (one per member) and the config maps its keyspace holds
 * under {@code /registry/configmaps/NAMESPACE/NAME}. A restore takes the control-plane
 * members through the same steps as a real one, reported per member.
 */
public final class SimClusterEtcd
        implements ClusterEtcd
{
    /** The etcd version simulated clusters report. */
    public static final String ETCD_VERSION = "3.5.16";

    private static final String CONFIG_MAPS = "/registry/configmaps/";

    private final Datacenter datacenter;
    private final String cluster;

    public SimClusterEtcd(Datacenter datacenter, String cluster)
    {
        this.datacenter = requireNonNull(datacenter, "datacenter is null");
        this.cluster = requireNonNull(cluster, "cluster is null");
    }

    @Override
    public String cluster()
    {
        return cluster;
    }

    @Override
    public EtcdStatus status()
            throws IOException
    {
        running();
        return new EtcdStatus(ETCD_VERSION, keyspace().revision());
    }

    @Override
    public <T> T snapshot(StreamReader<T> reader)
            throws IOException
    {
        running();
        try (InputStream content = new ByteArrayInputStream(keyspace().snapshot())) {
            return reader.read(content);
        }
    }

    @Override
    public <T> T exportObjects(StreamReader<T> reader)
            throws IOException
    {
        running();
        StringBuilder yaml = new StringBuilder();
        for (String namespace : List.of("default", "kube-system")) {
            yaml.append("---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: ").append(namespace).append('\n');
        }
        for (Member member : datacenter.members(cluster)) {
            yaml.append("---\napiVersion: v1\nkind: Node\nmetadata:\n  name: ").append(member.name())
                    .append("\nstatus:\n  nodeInfo:\n    kubeletVersion: ").append(member.version()).append('\n');
        }
        for (Map.Entry<String, String> entry : keyspace().keys().entrySet()) {
            String[] parts = entry.getKey().startsWith(CONFIG_MAPS) ? entry.getKey().substring(CONFIG_MAPS.length()).split("/", 2) : new String[0];
            if (parts.length == 2) {
                yaml.append("---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  namespace: ").append(parts[0]).append("\n  name: ").append(parts[1])
                        .append("\ndata:\n  value: \"").append(entry.getValue().replace("\\", "\\\\").replace("\"", "\\\"")).append("\"\n");
            }
        }
        try (InputStream content = new ByteArrayInputStream(yaml.toString().getBytes(StandardCharsets.UTF_8))) {
            return reader.read(content);
        }
    }

    @Override
    public void restore(SnapshotSource snapshot, RestoreProgress progress)
            throws IOException
    {
        running();
        byte[] content;
        try (InputStream in = snapshot.open()) {
            content = in.readAllBytes();
        }
        List<Member> controlPlane = datacenter.members(cluster).stream().filter(Member::isControlPlane).toList();
        List<String> nodes = controlPlane.isEmpty() ? List.of(cluster) : controlPlane.stream().map(Member::hostAddress).toList();
        nodes.forEach(node -> progress.step(node, "stopped the control-plane static pods"));
        keyspace().restore(content);
        for (String node : nodes) {
            progress.step(node, "restored the snapshot as member " + memberName(controlPlane, node));
        }
        nodes.forEach(node -> progress.step(node, "started the control-plane static pods"));
        nodes.forEach(node -> progress.step(node, "etcd healthy"));
        progress.step(nodes.getFirst(), "API server ready");
    }

    private SimCluster running()
            throws IOException
    {
        SimCluster found = datacenter.cluster(cluster)
                .orElseThrow(() -> new IOException(cluster + " does not exist in the simulated datacenter " + datacenter.directory()));
        if (found.status() != Status.READY) {
            throw new IOException(cluster + " is " + found.status().label() + " in the simulator: its etcd is not healthy");
        }
        return found;
    }

    private SimKeyspace keyspace()
            throws IOException
    {
        return SimKeyspace.open(datacenter.directory(), cluster);
    }

    private static String memberName(List<Member> members, String node)
    {
        return members.stream().filter(member -> member.hostAddress().equals(node)).map(Member::name).findFirst().orElse(node);
    }
}
