package dev.kiln.providers.kubeadm.spec;

import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.config.model.Cluster;
import dev.kiln.lang.config.model.Etcd;
import dev.kiln.lang.config.model.Install;
import dev.kiln.lang.config.model.Model;
import dev.kiln.lang.config.model.Network;
import dev.kiln.lang.config.model.Node;
import dev.kiln.lang.config.model.Registry;
import dev.kiln.lang.config.model.Runtime;
import dev.kiln.lang.config.model.Setting;
import dev.kiln.lang.config.model.Storage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A cluster's spec read from the configuration's typed model rather than from a resource
 * value: what a worker pool's driver needs of its cluster (the control planes to reach, the
 * runtime, registry and install settings its nodes are prepared with). Every setting must be
 * known, as it is at apply time.
 */
public final class ModelSpecs
{
    private ModelSpecs() {}

    public static Optional<ClusterSpec> cluster(Model model, ResourceAddress address)
    {
        Cluster cluster = model.clusters().get(address);
        if (cluster == null) {
            return Optional.empty();
        }
        String name = address.name();
        List<NodeSpec> controlPlanes = new ArrayList<>();
        for (ResourceAddress node : cluster.controlPlane().members().nodes().map(list -> list.nodes()).orElse(List.of())) {
            Optional.ofNullable(model.nodes().get(node)).map(ModelSpecs::node).ifPresent(controlPlanes::add);
        }
        if (controlPlanes.isEmpty()) {
            return Optional.empty();
        }
        Cluster.ControlPlane plane = cluster.controlPlane();
        Optional<String> endpoint = plane.endpoint().map(ModelSpecs::known);
        ClusterSpec.ControlPlane controlPlane = new ClusterSpec.ControlPlane(controlPlanes, endpoint,
                endpoint.isPresent() && known(plane.endpointType()).equals("vip"), new TreeMap<>(known(plane.labels())), known(plane.taints()));
        Network network = cluster.network();
        ClusterSpec.Network networkSpec = new ClusterSpec.Network(known(network.ipFamily()), known(network.podCidrs()), known(network.serviceCidrs()),
                known(network.dnsDomain()), new ClusterSpec.Calico(known(network.calico().mode()), known(network.calico().mtu()),
                        known(network.calico().ipAutodetection()), network.calico().version().map(ModelSpecs::known)));
        Runtime runtime = cluster.runtime();
        ClusterSpec.Runtime runtimeSpec = new ClusterSpec.Runtime(known(runtime.type()), runtime.version().map(ModelSpecs::known),
                known(runtime.dataDirectory()), known(runtime.insecureRegistries()), known(runtime.registryMirrors()));
        Etcd etcd = cluster.etcd();
        ClusterSpec.Etcd etcdSpec = new ClusterSpec.Etcd(!known(etcd.type()).equals("external"), known(etcd.dataDirectory()), known(etcd.endpoints()),
                known(etcd.serverCertSans()));
        Install install = cluster.install();
        ClusterSpec.Install installSpec = new ClusterSpec.Install(known(install.mode()).equals("offline"), install.bundle().map(ModelSpecs::known),
                install.imageRepository().map(ModelSpecs::known));
        Optional<RegistrySpec> registry = cluster.registry().flatMap(reference -> Optional.ofNullable(model.registries().get(reference.target())))
                .map(found -> registry(found, model));
        return Optional.of(new ClusterSpec(name, known(cluster.kubernetesVersion()), controlPlane, new TreeMap<>(), networkSpec, runtimeSpec, etcdSpec,
                known(cluster.certSans()), cluster.externalAddress().map(ModelSpecs::known), registry, storages(cluster), installSpec,
                cluster.encryptionProviderConfig().map(ModelSpecs::known).map(Secret::of), known(cluster.upgradePath())));
    }

    /** The bundle of the first cluster (by address) that uses {@code registry} and installs offline from a bundle. */
    public static Optional<String> registryBundle(Model model, ResourceAddress registry)
    {
        return model.clusters().entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(ResourceAddress::toString)))
                .map(Map.Entry::getValue)
                .filter(cluster -> cluster.registry().map(reference -> reference.target().equals(registry)).orElse(false))
                .filter(cluster -> known(cluster.install().mode()).equals("offline"))
                .flatMap(cluster -> cluster.install().bundle().map(ModelSpecs::known).stream())
                .findFirst();
    }

    static NodeSpec node(Node node)
    {
        Node.Ssh ssh = node.ssh();
        Optional<SshSpec.Bastion> bastion = ssh.bastion().map(jump -> new SshSpec.Bastion(known(jump.hostAddress()), known(jump.port()), known(jump.user()),
                jump.privateKey().map(ModelSpecs::secret), jump.password().map(ModelSpecs::secret), jump.hostKey().map(ModelSpecs::known)));
        SshSpec sshSpec = new SshSpec(known(ssh.user()), known(ssh.port()), ssh.privateKey().map(ModelSpecs::secret), ssh.passphrase().map(ModelSpecs::secret),
                ssh.password().map(ModelSpecs::secret), known(ssh.sudo()), ssh.sudoPassword().map(ModelSpecs::secret), ssh.hostKey().map(ModelSpecs::known),
                known(ssh.trustOnFirstUse()), Optional.empty(), bastion);
        return new NodeSpec(known(node.hostAddress()), known(node.nodeName()), sshSpec, new TreeMap<>(known(node.labels())), known(node.taints()),
                node.region().map(ModelSpecs::known));
    }

    private static RegistrySpec registry(Registry registry, Model model)
    {
        Optional<RegistrySpec.Managed> managed = registry.managed().flatMap(block -> block.node()
                .flatMap(reference -> Optional.ofNullable(model.nodes().get(reference.target())))
                .map(node -> new RegistrySpec.Managed(node(node), known(block.port()), known(block.storageDirectory()))));
        Optional<String> endpoint = registry.endpoint().map(ModelSpecs::known);
        String address = endpoint.map(text -> text.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "").replaceFirst("/.*$", ""))
                .or(() -> managed.map(found -> found.node().address() + ":" + found.port()))
                .orElse("");
        return new RegistrySpec(address, endpoint.map(text -> text.startsWith("https://")).orElse(false), known(registry.insecure()), known(registry.mirrors()),
                registry.caCertificate().map(ModelSpecs::known), registry.username().map(ModelSpecs::known), registry.password().map(ModelSpecs::secret), managed);
    }

    private static List<StorageSpec> storages(Cluster cluster)
    {
        List<StorageSpec> storages = new ArrayList<>();
        for (Storage storage : cluster.storages()) {
            storages.add(switch (storage) {
                case Storage.Nfs nfs -> new StorageSpec.Nfs(known(nfs.storageClass()), known(nfs.defaultClass()), known(nfs.reclaimPolicy()),
                        known(nfs.mountOptions()), known(nfs.server()), known(nfs.path()), known(nfs.archiveOnDelete()), known(nfs.replicas()));
                case Storage.Ceph ceph -> new StorageSpec.Ceph(known(ceph.storageClass()), known(ceph.defaultClass()), known(ceph.reclaimPolicy()),
                        known(ceph.mountOptions()), known(ceph.monitors()), known(ceph.clusterId()), known(ceph.pool()), known(ceph.user()),
                        Secret.of(ceph.key().map(ModelSpecs::known).orElse("")), known(ceph.filesystemType()));
            });
        }
        return storages;
    }

    private static Secret secret(Setting<String> setting)
    {
        return Secret.of(known(setting));
    }

    private static <T> T known(Setting<T> setting)
    {
        return setting.known().orElseThrow(() -> new IllegalArgumentException("a setting of the cluster is not known at apply time"));
    }
}
