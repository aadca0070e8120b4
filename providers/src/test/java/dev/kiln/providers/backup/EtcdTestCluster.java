package dev.kiln.providers.backup;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real etcd cluster (Debian's {@code /usr/bin/etcd}) laid out like kubeadm control planes,
 * one directory per node under a root: manifests, parked manifests, data and scratch
 * directories. The kubelet stand-in ({@link KubeletStandIn}) starts a node's etcd while its
 * {@code etcd.yaml} manifest is in the manifests directory and stops it when it is not.
 * Members listen on their own loopback addresses (127.0.0.x) and free ports.
 */
final class EtcdTestCluster
        implements AutoCloseable
{
    private final Path root;
    private final List<Node> nodes;
    private final KubeadmLayout layoutTemplate;

    record Node(String name, String address, int clientPort, int peerPort, Path directory, KubeletStandIn kubelet)
    {
        String clientUrl()
        {
            return "http://" + address + ":" + clientPort;
        }

        String peerUrl()
        {
            return "http://" + address + ":" + peerPort;
        }
    }

    private EtcdTestCluster(Path root, List<Node> nodes, KubeadmLayout layoutTemplate)
    {
        this.root = root;
        this.nodes = nodes;
        this.layoutTemplate = layoutTemplate;
    }

    /** Starts {@code size} members under {@code root} and waits until every one is healthy. */
    static EtcdTestCluster start(Path root, int size, int firstAddress)
            throws IOException
    {
        Path kubectl = root.resolve("bin/kubectl");
        Files.createDirectories(kubectl.getParent());
        Files.writeString(kubectl, """
                #!/bin/sh
                # Stand-in for kubectl on a control-plane node: the objects of an empty cluster.
                printf 'apiVersion: v1\\nkind: List\\nitems:\\n- apiVersion: v1\\n  kind: Namespace\\n  metadata:\\n    name: default\\n'
                """);
        Files.setPosixFilePermissions(kubectl, PosixFilePermissions.fromString("rwx------"));
        List<String> names = new ArrayList<>();
        List<String> addresses = new ArrayList<>();
        List<int[]> ports = new ArrayList<>();
        for (int index = 0; index < size; index++) {
            String address = "127.0.0." + (firstAddress + index);
            names.add("cp" + (index + 1));
            addresses.add(address);
            ports.add(new int[] {freePort(address), freePort(address)});
        }
        StringBuilder initialCluster = new StringBuilder();
        for (int index = 0; index < size; index++) {
            initialCluster.append(index == 0 ? "" : ",").append(names.get(index)).append("=http://").append(addresses.get(index)).append(":").append(ports.get(index)[1]);
        }
        List<Node> nodes = new ArrayList<>();
        for (int index = 0; index < size; index++) {
            Path directory = root.resolve(names.get(index));
            Files.createDirectories(directory.resolve("manifests"));
            String clientUrl = "http://" + addresses.get(index) + ":" + ports.get(index)[0];
            String peerUrl = "http://" + addresses.get(index) + ":" + ports.get(index)[1];
            KubeletStandIn kubelet = KubeletStandIn.start(directory.resolve("manifests"), List.of(
                    "/usr/bin/etcd",
                    "--name", names.get(index),
                    "--data-dir", directory.resolve("etcd").toString(),
                    "--listen-client-urls", clientUrl,
                    "--advertise-client-urls", clientUrl,
                    "--listen-peer-urls", peerUrl,
                    "--initial-advertise-peer-urls", peerUrl,
                    "--initial-cluster", initialCluster.toString(),
                    "--initial-cluster-state", "new",
                    "--initial-cluster-token", "etcd-cluster"),
                    directory.resolve("etcd.log"));
            nodes.add(new Node(names.get(index), addresses.get(index), ports.get(index)[0], ports.get(index)[1], directory, kubelet));
        }
        KubeadmLayout template = new KubeadmLayout("manifests", "parked", "etcd", "scratch", Optional.empty(), kubectl.toString(), "etcd-cluster");
        EtcdTestCluster cluster = new EtcdTestCluster(root, List.copyOf(nodes), template);
        for (Node node : nodes) {
            Files.writeString(node.directory().resolve("manifests/etcd.yaml"), "apiVersion: v1\nkind: Pod\nmetadata:\n  name: etcd\n");
        }
        cluster.etcd("cluster.prod", Duration.ofSeconds(20)).healthy();
        return cluster;
    }

    /** The cluster as Kiln's kubeadm path reaches it: each member's node a {@link LocalEtcdHost} with its own layout. */
    StaticPodEtcd etcd(String cluster, Duration timeout)
    {
        return new StaticPodEtcd(cluster, members(), layout(), timeout);
    }

    List<ControlPlaneMember> members()
    {
        return nodes.stream()
                .map(node -> new ControlPlaneMember(node.name(), new NodeHost(node), node.clientUrl(), node.peerUrl()))
                .toList();
    }

    KubeadmLayout layout()
    {
        return layoutTemplate;
    }

    List<Node> nodes()
    {
        return nodes;
    }

    /** Runs etcdctl against the first member, from the machine running the test. */
    String etcdctl(String... arguments)
            throws IOException
    {
        CommandResult result = new LocalEtcdHost("test").run(layoutTemplate.etcdctl(nodes.getFirst().clientUrl(), List.of(arguments)));
        if (result.exitCode() != 0) {
            throw new IOException("etcdctl failed: " + result.error());
        }
        return result.output();
    }

    @Override
    public void close()
    {
        nodes.forEach(node -> node.kubelet().close());
    }

    Path root()
    {
        return root;
    }

    private static int freePort(String address)
            throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(address))) {
            return socket.getLocalPort();
        }
    }

    /**
     * A node's shell: commands run in the node's directory, so the layout's relative paths
     * (manifests, etcd, scratch) are that node's own, as absolute paths are on a real node.
     */
    private static final class NodeHost
            implements EtcdHost
    {
        private final Node node;
        private final LocalEtcdHost local;

        NodeHost(Node node)
        {
            this.node = node;
            this.local = new LocalEtcdHost(node.address());
        }

        @Override
        public String name()
        {
            return node.address();
        }

        @Override
        public CommandResult run(String command)
                throws IOException
        {
            return local.run("cd " + ShellWords.quote(node.directory().toString()) + " && " + command);
        }

        @Override
        public <T> T read(String path, StreamReader<T> reader)
                throws IOException
        {
            return local.read(node.directory().resolve(path).toString(), reader);
        }

        @Override
        public void write(String path, java.io.InputStream content)
                throws IOException
        {
            local.write(node.directory().resolve(path).toString(), content);
        }
    }

    static void sleep(long milliseconds)
    {
        try {
            TimeUnit.MILLISECONDS.sleep(milliseconds);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
