package dev.kiln.providers.kubeadm.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * A kubeadm cluster as its drivers read it: version, control plane, worker pools, networks,
 * runtime, etcd, registry, storage, where binaries come from, and the explicit upgrade chain
 * ({@code upgrade_path}, empty for the newest patch of each minor on offer). Built by
 * {@link ClusterSpecs}.
 */
public record ClusterSpec(
        String name,
        String version,
        ControlPlane controlPlane,
        SortedMap<String, Pool> pools,
        Network network,
        Runtime runtime,
        Etcd etcd,
        List<String> certSans,
        Optional<String> externalAddress,
        Optional<RegistrySpec> registry,
        List<StorageSpec> storages,
        Install install,
        Optional<Secret> encryptionProviderConfig,
        List<String> upgradePath)
{
    public static final int API_SERVER_PORT = 6443;
    public static final String CONTROL_PLANE_TAINT = "node-role.kubernetes.io/control-plane:NoSchedule";

    public ClusterSpec
    {
        requireNonNull(name, "name is null");
        requireNonNull(version, "version is null");
        requireNonNull(controlPlane, "controlPlane is null");
        pools = Collections.unmodifiableSortedMap(new TreeMap<>(pools));
        requireNonNull(network, "network is null");
        requireNonNull(runtime, "runtime is null");
        requireNonNull(etcd, "etcd is null");
        certSans = List.copyOf(certSans);
        requireNonNull(externalAddress, "externalAddress is null");
        requireNonNull(registry, "registry is null");
        storages = List.copyOf(storages);
        requireNonNull(install, "install is null");
        requireNonNull(encryptionProviderConfig, "encryptionProviderConfig is null");
        upgradePath = List.copyOf(upgradePath);
    }

    /** Without an explicit upgrade chain. */
    public ClusterSpec(String name, String version, ControlPlane controlPlane, SortedMap<String, Pool> pools, Network network, Runtime runtime, Etcd etcd,
            List<String> certSans, Optional<String> externalAddress, Optional<RegistrySpec> registry, List<StorageSpec> storages, Install install,
            Optional<Secret> encryptionProviderConfig)
    {
        this(name, version, controlPlane, pools, network, runtime, etcd, certSans, externalAddress, registry, storages, install, encryptionProviderConfig, List.of());
    }

    /** The control plane: its nodes (the first initialises the cluster), endpoint, labels and taints. */
    public record ControlPlane(List<NodeSpec> nodes, Optional<String> endpoint, boolean virtualIp, SortedMap<String, String> labels, List<String> taints)
    {
        public ControlPlane
        {
            nodes = List.copyOf(nodes);
            requireNonNull(endpoint, "endpoint is null");
            labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
            taints = List.copyOf(taints);
        }

        /** The endpoint's host: the VIP or load balancer, else the first control plane's address. */
        public String endpointHost()
        {
            return endpoint.map(ControlPlane::host).orElse(nodes.getFirst().address());
        }

        /** {@code host:port} of the API server as nodes reach it. */
        public String endpointAddress()
        {
            String host = endpointHost();
            int port = endpoint.flatMap(ControlPlane::port).orElse(API_SERVER_PORT);
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }

        /** Whether the control plane can run workloads: its taints do not include the control-plane NoSchedule taint. */
        public boolean schedulable()
        {
            return !taints.contains(CONTROL_PLANE_TAINT);
        }

        private static String host(String endpoint)
        {
            if (endpoint.startsWith("[")) {
                return endpoint.substring(1, endpoint.indexOf(']'));
            }
            int colon = endpoint.lastIndexOf(':');
            return colon > 0 && endpoint.indexOf(':') == colon ? endpoint.substring(0, colon) : endpoint;
        }

        private static Optional<Integer> port(String endpoint)
        {
            int colon = endpoint.lastIndexOf(':');
            boolean bracketed = endpoint.startsWith("[");
            if (colon < 0 || (!bracketed && endpoint.indexOf(':') != colon) || (bracketed && colon < endpoint.indexOf(']'))) {
                return Optional.empty();
            }
            return Optional.of(Integer.parseInt(endpoint.substring(colon + 1)));
        }
    }

    /** A worker pool: its nodes, how many may be unavailable during an upgrade, labels and taints. */
    public record Pool(String name, List<NodeSpec> nodes, String maxUnavailable, SortedMap<String, String> labels, List<String> taints)
    {
        public Pool
        {
            requireNonNull(name, "name is null");
            nodes = List.copyOf(nodes);
            requireNonNull(maxUnavailable, "maxUnavailable is null");
            labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
            taints = List.copyOf(taints);
        }

        /** {@code max_unavailable} as a count ("2") or a share ("25%") of the pool, at least 1. */
        public int batch()
        {
            try {
                int count = maxUnavailable.endsWith("%")
                        ? (int) Math.floor(nodes.size() * Double.parseDouble(maxUnavailable.substring(0, maxUnavailable.length() - 1)) / 100)
                        : Integer.parseInt(maxUnavailable.trim());
                return Math.max(1, count);
            }
            catch (NumberFormatException e) {
                return 1;
            }
        }
    }

    /** Pod and service networks, DNS domain and Calico's settings. */
    public record Network(String ipFamily, List<String> podCidrs, List<String> serviceCidrs, String dnsDomain, Calico calico)
    {
        public Network
        {
            podCidrs = List.copyOf(podCidrs);
            serviceCidrs = List.copyOf(serviceCidrs);
        }
    }

    /** Calico's networking mode, MTU, address autodetection and version (empty: the one matching Kubernetes). */
    public record Calico(String mode, int mtu, String ipAutodetection, Optional<String> version) {}

    /** The container runtime. */
    public record Runtime(String type, Optional<String> version, String dataDirectory, List<String> insecureRegistries, List<String> registryMirrors)
    {
        public static final String CONTAINERD = "containerd";
        public static final String DOCKER = "docker";

        public Runtime
        {
            insecureRegistries = List.copyOf(insecureRegistries);
            registryMirrors = List.copyOf(registryMirrors);
        }
    }

    /** etcd's topology and data directory. */
    public record Etcd(boolean stacked, String dataDirectory, List<String> endpoints, List<String> serverCertSans)
    {
        public Etcd
        {
            endpoints = List.copyOf(endpoints);
            serverCertSans = List.copyOf(serverCertSans);
        }
    }

    /** Where binaries and images come from: the distribution's package repository (online) or a bundle (offline). */
    public record Install(boolean offline, Optional<String> bundle, Optional<String> imageRepository)
    {
        public Install
        {
            requireNonNull(bundle, "bundle is null");
            requireNonNull(imageRepository, "imageRepository is null");
        }
    }

    /** Every node of the cluster, control plane first, then the pools by name. */
    public List<NodeSpec> allNodes()
    {
        List<NodeSpec> all = new ArrayList<>(controlPlane.nodes());
        pools.values().forEach(pool -> all.addAll(pool.nodes()));
        return List.copyOf(all);
    }

    /** The workers of every pool. */
    public List<NodeSpec> workers()
    {
        return pools.values().stream().flatMap(pool -> pool.nodes().stream()).toList();
    }
}
