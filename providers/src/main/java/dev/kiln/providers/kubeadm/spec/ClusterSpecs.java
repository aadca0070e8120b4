package dev.kiln.providers.kubeadm.spec;

import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads a cluster value into a {@link ClusterSpec}, with the defaults the configuration
 * language documents for blocks left out. A value whose version or nodes are not known is
 * refused with an {@link IllegalArgumentException} that says which part is missing.
 */
public final class ClusterSpecs
{
    public static final String DEFAULT_POD_CIDR_V4 = "172.25.0.0/16";
    public static final String DEFAULT_SERVICE_CIDR_V4 = "10.96.0.0/16";
    public static final String DEFAULT_POD_CIDR_V6 = "fd00:10:244::/56";
    public static final String DEFAULT_SERVICE_CIDR_V6 = "fd00:10:96::/112";
    public static final String DEFAULT_DNS_DOMAIN = "cluster.local";
    public static final String DEFAULT_CALICO_MODE = "overlay-ipip-all";
    public static final int DEFAULT_CALICO_MTU = 1440;
    public static final String DEFAULT_IP_AUTODETECTION = "first-found";
    public static final String DEFAULT_ETCD_DATA_DIR = "/var/lib/etcd";

    private ClusterSpecs() {}

    public static ClusterSpec of(String name, Value cluster, NodeNames names)
    {
        String version = Values.string(cluster, "kubernetes_version").orElseThrow(() -> unknown(name, "Kubernetes version"));
        Value controlPlaneBlock = Values.attribute(cluster, "control_plane").orElseThrow(() -> unknown(name, "control plane"));
        List<NodeSpec> controlPlanes = nodes(controlPlaneBlock, names).orElseThrow(() -> unknown(name, "control plane's nodes"));
        if (controlPlanes.isEmpty()) {
            throw new IllegalArgumentException("cluster " + name + " has no control-plane nodes");
        }
        Optional<String> endpoint = Values.string(controlPlaneBlock, "endpoint");
        boolean virtualIp = endpoint.isPresent() && Values.string(controlPlaneBlock, "endpoint_type").orElse("vip").equals("vip");
        List<String> taints = Values.attribute(controlPlaneBlock, "taints").isPresent()
                ? Values.strings(controlPlaneBlock, "taints")
                : List.of(ClusterSpec.CONTROL_PLANE_TAINT);
        ClusterSpec.ControlPlane controlPlane = new ClusterSpec.ControlPlane(controlPlanes, endpoint, virtualIp,
                Values.stringMap(controlPlaneBlock, "labels"), taints);
        TreeMap<String, ClusterSpec.Pool> pools = new TreeMap<>();
        for (var entry : Values.mapping(cluster, "worker_pool").entrySet()) {
            Value pool = entry.getValue();
            List<NodeSpec> members = nodes(pool, names).orElseThrow(() -> unknown(name, "nodes of worker pool \"" + entry.getKey() + "\""));
            pools.put(entry.getKey(), new ClusterSpec.Pool(entry.getKey(), members, Values.string(pool, "max_unavailable").orElse("1"),
                    Values.stringMap(pool, "labels"), Values.strings(pool, "taints")));
        }
        Optional<RegistrySpec> registry = Values.attribute(cluster, "registry")
                .map(value -> RegistrySpec.of(value, names).orElseThrow(() -> unknown(name, "registry's address")));
        return new ClusterSpec(name, version, controlPlane, pools, network(cluster), runtime(cluster), etcd(cluster),
                Values.strings(cluster, "cert_sans"), Values.string(cluster, "external_address"), registry, storages(cluster),
                install(cluster), Values.string(cluster, "encryption_provider_config").map(Secret::of), Values.strings(cluster, "upgrade_path"));
    }

    /** The nodes of a control plane or pool block, in order; empty when any is not known yet. */
    public static Optional<List<NodeSpec>> nodes(Value group, NodeNames names)
    {
        Optional<List<Value>> elements = Values.sequence(group, "nodes");
        if (elements.isEmpty()) {
            return Values.attribute(group, "nodes").isEmpty() ? Optional.of(List.of()) : Optional.empty();
        }
        List<NodeSpec> nodes = new ArrayList<>();
        for (Value element : elements.get()) {
            Optional<NodeSpec> node = names.spec(element);
            if (node.isEmpty()) {
                return Optional.empty();
            }
            nodes.add(node.get());
        }
        return Optional.of(List.copyOf(nodes));
    }

    private static ClusterSpec.Network network(Value cluster)
    {
        Value network = Values.attribute(cluster, "network").orElse(Value.nullOf(Type.DYNAMIC));
        String family = Values.string(network, "ip_family").orElse("ipv4");
        List<String> pods = split(Values.string(network, "pod_cidr").orElse(defaults(family, DEFAULT_POD_CIDR_V4, DEFAULT_POD_CIDR_V6)));
        List<String> services = split(Values.string(network, "service_cidr").orElse(defaults(family, DEFAULT_SERVICE_CIDR_V4, DEFAULT_SERVICE_CIDR_V6)));
        Value cni = Values.attribute(network, "cni").orElse(Value.nullOf(Type.DYNAMIC));
        ClusterSpec.Calico calico = new ClusterSpec.Calico(Values.string(cni, "mode").orElse(DEFAULT_CALICO_MODE),
                Values.integer(cni, "mtu").orElse(DEFAULT_CALICO_MTU), Values.string(cni, "ip_autodetection").orElse(DEFAULT_IP_AUTODETECTION),
                Values.string(cni, "version"));
        return new ClusterSpec.Network(family, pods, services, Values.string(network, "dns_domain").orElse(DEFAULT_DNS_DOMAIN), calico);
    }

    private static ClusterSpec.Runtime runtime(Value cluster)
    {
        Value runtime = Values.attribute(cluster, "runtime").orElse(Value.nullOf(Type.DYNAMIC));
        String type = Values.string(runtime, "type").orElse(ClusterSpec.Runtime.CONTAINERD);
        String dataDirectory = Values.string(runtime, "data_dir")
                .orElse(type.equals(ClusterSpec.Runtime.DOCKER) ? "/var/lib/docker" : "/var/lib/containerd");
        return new ClusterSpec.Runtime(type, Values.string(runtime, "version"), dataDirectory,
                Values.strings(runtime, "insecure_registries"), Values.strings(runtime, "registry_mirrors"));
    }

    private static ClusterSpec.Etcd etcd(Value cluster)
    {
        Value etcd = Values.attribute(cluster, "etcd").orElse(Value.nullOf(Type.DYNAMIC));
        return new ClusterSpec.Etcd(!Values.string(etcd, "type").orElse("stacked").equals("external"),
                Values.string(etcd, "data_dir").orElse(DEFAULT_ETCD_DATA_DIR), Values.strings(etcd, "endpoints"),
                Values.strings(etcd, "server_cert_sans"));
    }

    private static ClusterSpec.Install install(Value cluster)
    {
        Value install = Values.attribute(cluster, "install").orElse(Value.nullOf(Type.DYNAMIC));
        return new ClusterSpec.Install(Values.string(install, "mode").orElse("online").equals("offline"),
                Values.string(install, "bundle"), Values.string(install, "image_repository"));
    }

    private static List<StorageSpec> storages(Value cluster)
    {
        List<StorageSpec> storages = new ArrayList<>();
        for (Value storage : Values.sequence(cluster, "storage").orElse(List.of())) {
            boolean ceph = Values.attribute(storage, "monitors").isPresent() || Values.attribute(storage, "pool").isPresent();
            String reclaim = Values.string(storage, "reclaim_policy").orElse("Delete");
            boolean defaultClass = Values.bool(storage, "default_class").orElse(false);
            List<String> mountOptions = Values.strings(storage, "mount_options");
            if (ceph) {
                storages.add(new StorageSpec.Ceph(Values.string(storage, "storage_class").orElse("ceph-rbd"), defaultClass, reclaim, mountOptions,
                        Values.strings(storage, "monitors"), Values.string(storage, "cluster_id").orElse(""), Values.string(storage, "pool").orElse(""),
                        Values.string(storage, "user").orElse("admin"), Secret.of(Values.string(storage, "key").orElse("")),
                        Values.string(storage, "fs_type").orElse("ext4")));
            }
            else {
                storages.add(new StorageSpec.Nfs(Values.string(storage, "storage_class").orElse("nfs-sc"), defaultClass, reclaim, mountOptions,
                        Values.string(storage, "server").orElse(""), Values.string(storage, "path").orElse(""),
                        Values.bool(storage, "archive_on_delete").orElse(false), Values.integer(storage, "replicas").orElse(1)));
            }
        }
        return List.copyOf(storages);
    }

    private static String defaults(String family, String v4, String v6)
    {
        return switch (family) {
            case "ipv6" -> v6;
            case "dual" -> v4 + "," + v6;
            default -> v4;
        };
    }

    private static List<String> split(String cidrs)
    {
        return Arrays.stream(cidrs.split(",")).map(String::trim).filter(text -> !text.isEmpty()).toList();
    }

    private static IllegalArgumentException unknown(String cluster, String what)
    {
        return new IllegalArgumentException("cluster " + cluster + ": not known at apply time: the " + what);
    }
}
