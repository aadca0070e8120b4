package dev.kiln.providers.kubeadm.render;

import dev.kiln.providers.kubeadm.spec.ClusterSpec;
import dev.kiln.providers.kubeadm.spec.NodeSpec;
import dev.kiln.providers.kubeadm.spec.RegistrySpec;
import dev.kiln.providers.kubeadm.spec.Secret;
import dev.kiln.providers.kubeadm.spec.SshSpec;
import dev.kiln.providers.kubeadm.spec.StorageSpec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every rendered kubeadm configuration and manifest against its golden file in
 * {@code src/test/resources/kubeadm/golden/}; {@code -Dgolden.update=true} writes them anew
 * (review the diff).
 */
class RenderGoldenTest
{
    private static final Path GOLDEN = Path.of("src", "test", "resources", "kubeadm", "golden");
    private static final String TOKEN = "abcdef.0123456789abcdef";
    private static final String KEY = "0".repeat(64);

    static Stream<Arguments> renderings()
    {
        ClusterSpec lab = lab();
        ClusterSpec ha = ha();
        NodeSpec first = ha.controlPlane().nodes().getFirst();
        NodeSpec worker = node("w-0", "192.168.10.21");
        KubeadmConfig.Discovery discovery = new KubeadmConfig.Discovery("192.168.10.10:6443", TOKEN, "sha256:" + "1".repeat(64));
        Map<String, Supplier<String>> cases = new TreeMap<>(Map.ofEntries(
                Map.entry("init-v1.28.8-single.yaml", () -> KubeadmConfig.init(lab, lab.controlPlane().nodes().getFirst(), "v1.28.8", lab.controlPlane().taints(), TOKEN, KEY)),
                Map.entry("init-v1.31.2-ha.yaml", () -> KubeadmConfig.init(ha, first, "v1.31.2", ha.controlPlane().taints(), TOKEN, KEY)),
                Map.entry("init-v1.22.16-old-registry.yaml", () -> KubeadmConfig.init(lab, lab.controlPlane().nodes().getFirst(), "v1.22.16", List.of(), TOKEN, KEY)),
                Map.entry("join-worker-v1.29.1.yaml", () -> KubeadmConfig.join(ha, worker, "v1.29.1", List.of("dedicated=gpu:NoSchedule"), discovery, Optional.empty())),
                Map.entry("join-control-plane-v1.31.2.yaml", () -> KubeadmConfig.join(ha, ha.controlPlane().nodes().get(1), "v1.31.2", ha.controlPlane().taints(),
                        discovery, Optional.of(KEY))),
                Map.entry("kube-vip-init-v1.29.1.yaml", () -> KubeVip.manifest("192.168.10.10", "eth0", "v1.29.1", true)),
                Map.entry("kube-vip-join-v1.28.8.yaml", () -> KubeVip.manifest("192.168.10.10", "eth0", "v1.28.8", false)),
                Map.entry("calico-ipip-ipv4.yaml", () -> Calico.installation(lab, "")),
                Map.entry("calico-vxlan-dual.yaml", () -> Calico.installation(ha, "registry.example:5000")),
                Map.entry("containerd-config.toml", () -> RuntimeConfig.containerd(lab, "v1.28.8")),
                Map.entry("containerd-hosts.toml", () -> String.join("\n# ---\n", RuntimeConfig.containerdHosts(lab).entrySet().stream()
                        .map(entry -> "# " + entry.getKey() + "\n" + entry.getValue()).toList())),
                Map.entry("docker-daemon.json", () -> RuntimeConfig.docker(lab)),
                Map.entry("storage-nfs.yaml", () -> StorageManifests.render(lab.storages().getFirst())),
                Map.entry("storage-ceph.yaml", () -> StorageManifests.render(ha.storages().getFirst())),
                Map.entry("registry-config.yml", () -> RegistryConfig.render(lab.registry().orElseThrow().managed().orElseThrow()))));
        return cases.entrySet().stream().map(entry -> Arguments.of(entry.getKey(), entry.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    @DisplayName("A rendered configuration or manifest matches its golden file")
    void rendered(String name, Supplier<String> rendering)
            throws IOException
    {
        String actual = rendering.get();
        Path golden = GOLDEN.resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, actual);
        }
        assertEquals(Files.readString(golden), actual, name);
    }

    /** One control plane that runs workloads, a managed insecure registry mirroring docker.io and registry.k8s.io, NFS. */
    static ClusterSpec lab()
    {
        NodeSpec lab = node("lab", "192.168.56.10");
        RegistrySpec registry = new RegistrySpec("192.168.56.10:5000", false, true, List.of("docker.io", "registry.k8s.io"), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(new RegistrySpec.Managed(lab, 5000, "/data/registry")));
        return new ClusterSpec("lab", "v1.28.8",
                new ClusterSpec.ControlPlane(List.of(lab), Optional.empty(), false, new TreeMap<>(), List.of()),
                new TreeMap<>(),
                new ClusterSpec.Network("ipv4", List.of("172.16.0.0/16"), List.of("172.17.0.0/16"), "cluster.local",
                        new ClusterSpec.Calico("overlay-ipip-all", 1440, "first-found", Optional.empty())),
                new ClusterSpec.Runtime("containerd", Optional.of("1.7.22"), "/data/containerd", List.of("10.0.0.5:5000"), List.of("https://mirror.example")),
                new ClusterSpec.Etcd(true, "/var/lib/etcd", List.of(), List.of()),
                List.of(), Optional.of("192.168.56.10"), Optional.of(registry),
                List.of(new StorageSpec.Nfs("nfs-sc", true, "Delete", List.of("nfsvers=4.1", "hard"), "192.168.56.2", "/export/kubernetes", true, 1)),
                new ClusterSpec.Install(true, Optional.of("bundle.tar.gz"), Optional.empty()), Optional.empty());
    }

    /** Three control planes behind a VIP, dual stack with VXLAN cross-subnet, a mirror registry, Ceph, encryption at rest. */
    static ClusterSpec ha()
    {
        List<NodeSpec> controlPlanes = List.of(node("cp-0", "192.168.10.11"), node("cp-1", "192.168.10.12"), node("cp-2", "192.168.10.13"));
        RegistrySpec registry = new RegistrySpec("registry.example:5000", true, false, List.of("docker.io", "quay.io"), Optional.empty(),
                Optional.of("kiln"), Optional.of(Secret.of("registry-password")), Optional.empty());
        return new ClusterSpec("prod", "v1.31.2",
                new ClusterSpec.ControlPlane(controlPlanes, Optional.of("192.168.10.10:6443"), true, new TreeMap<>(), List.of(ClusterSpec.CONTROL_PLANE_TAINT)),
                new TreeMap<>(),
                new ClusterSpec.Network("dual", List.of("10.244.0.0/16", "fd00:10:244::/56"), List.of("10.96.0.0/12", "fd00:10:96::/112"), "cluster.local",
                        new ClusterSpec.Calico("overlay-vxlan-cross-subnet", 1450, "can-reach=8.8.8.8", Optional.of("v3.28.2"))),
                new ClusterSpec.Runtime("containerd", Optional.empty(), "/var/lib/containerd", List.of(), List.of()),
                new ClusterSpec.Etcd(true, "/data/etcd", List.of(), List.of("etcd.prod.internal")),
                List.of("kubernetes.prod.example.internal"), Optional.empty(), Optional.of(registry),
                List.of(new StorageSpec.Ceph("ceph-rbd", false, "Retain", List.of("discard"), List.of("10.0.0.21:6789", "10.0.0.22:6789"),
                        "b9127830-b0cc-4e34-aa47-9d1a2e9949a8", "kubernetes", "kubernetes", Secret.of("AQBceph-client-key=="), "xfs")),
                new ClusterSpec.Install(false, Optional.empty(), Optional.empty()), Optional.of(Secret.of("kind: EncryptionConfiguration\n")));
    }

    private static NodeSpec node(String name, String address)
    {
        SshSpec ssh = new SshSpec("root", 22, Optional.empty(), Optional.empty(), Optional.empty(), false, Optional.empty(), Optional.empty(), false,
                Optional.empty(), Optional.empty());
        return new NodeSpec(address, name, ssh, new TreeMap<>(), List.of(), Optional.empty());
    }
}
