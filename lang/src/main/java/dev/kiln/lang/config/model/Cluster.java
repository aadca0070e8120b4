package dev.kiln.lang.config.model;

import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.diag.SourceRange;
import dev.kiln.lang.value.Value;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * A {@code cluster} instance. {@code provider} is what {@code provider = ...} named
 * ({@code "capi.east"}), empty for the default; {@code providerType} is the type it
 * resolves to. {@code upgradePath} is the explicit upgrade chain (empty: the newest patch of each
 * minor on offer). Worker pools are ordered by name. {@code encryptionProviderConfig} is sensitive.
 */
public record Cluster(
        ResourceAddress address,
        SourceRange nameRange,
        Optional<String> provider,
        ProviderType providerType,
        Setting<String> kubernetesVersion,
        Setting<List<String>> upgradePath,
        ControlPlane controlPlane,
        List<WorkerPool> workerPools,
        Network network,
        Runtime runtime,
        Etcd etcd,
        Setting<List<String>> certSans,
        Optional<Setting<String>> externalAddress,
        Optional<Setting<String>> workerLoadBalancer,
        Optional<ResourceReference> registry,
        List<Storage> storages,
        Optional<Backup> backup,
        Optional<Infrastructure> infrastructure,
        Install install,
        Setting<String> kubeadmConfigFormat,
        Optional<Setting<String>> encryptionProviderConfig,
        Setting<String> namingPolicy,
        Setting<Map<String, String>> annotations,
        Setting<Map<String, String>> labels,
        SourceRange range)
{
    public Cluster
    {
        requireNonNull(address, "address is null");
        requireNonNull(nameRange, "nameRange is null");
        requireNonNull(provider, "provider is null");
        requireNonNull(providerType, "providerType is null");
        requireNonNull(kubernetesVersion, "kubernetesVersion is null");
        requireNonNull(upgradePath, "upgradePath is null");
        requireNonNull(controlPlane, "controlPlane is null");
        workerPools = List.copyOf(workerPools);
        requireNonNull(network, "network is null");
        requireNonNull(runtime, "runtime is null");
        requireNonNull(etcd, "etcd is null");
        requireNonNull(certSans, "certSans is null");
        requireNonNull(externalAddress, "externalAddress is null");
        requireNonNull(workerLoadBalancer, "workerLoadBalancer is null");
        requireNonNull(registry, "registry is null");
        storages = List.copyOf(storages);
        requireNonNull(backup, "backup is null");
        requireNonNull(infrastructure, "infrastructure is null");
        requireNonNull(install, "install is null");
        requireNonNull(kubeadmConfigFormat, "kubeadmConfigFormat is null");
        requireNonNull(encryptionProviderConfig, "encryptionProviderConfig is null");
        requireNonNull(namingPolicy, "namingPolicy is null");
        requireNonNull(annotations, "annotations is null");
        requireNonNull(labels, "labels is null");
        requireNonNull(range, "range is null");
    }

    /**
     * Whether the cloud runs the control plane (EKS): a Cluster API cluster on {@code aws}
     * whose control plane gives neither nodes nor replicas.
     */
    public boolean hasManagedControlPlane()
    {
        return providerType == ProviderType.CAPI
                && infrastructure.map(infrastructure -> infrastructure.kind().equals("aws")).orElse(false)
                && controlPlane.members().nodes().isEmpty()
                && controlPlane.members().replicas().isEmpty();
    }

    /** The number of machines in the cluster when every group's size is known (a managed control plane counts none). */
    public Optional<Integer> knownMachineCount()
    {
        Optional<Integer> total = hasManagedControlPlane() ? Optional.of(0) : controlPlane.members().knownSize();
        for (WorkerPool pool : workerPools) {
            Optional<Integer> size = pool.members().knownSize();
            total = total.flatMap(sum -> size.map(count -> sum + count));
        }
        return total;
    }

    /** Every node the cluster references, control plane first, then pools by name. */
    public List<ResourceAddress> referencedNodes()
    {
        return Stream.concat(
                        controlPlane.members().nodes().stream(),
                        workerPools.stream().flatMap(pool -> pool.members().nodes().stream()))
                .flatMap(nodes -> nodes.nodes().stream())
                .toList();
    }

    /** A group's size: {@code nodes} or {@code replicas}; the builder keeps both when both were written, for the rules to report. */
    public record Members(Optional<NodeList> nodes, Optional<Setting<Integer>> replicas)
    {
        public Members
        {
            requireNonNull(nodes, "nodes is null");
            requireNonNull(replicas, "replicas is null");
        }

        /** The node count, else the replica count, when known. */
        public Optional<Integer> knownSize()
        {
            if (nodes.isPresent()) {
                return nodes.get().count();
            }
            return replicas.flatMap(Setting::known);
        }

        /** The range of whichever argument gave the size. */
        public Optional<SourceRange> sizeRange()
        {
            return nodes.map(NodeList::range).or(() -> replicas.map(Setting::range));
        }
    }

    /** {@code control_plane {...}}; {@code typeRange} is where the block's type name is written. */
    public record ControlPlane(
            Members members,
            Optional<Setting<String>> endpoint,
            Setting<String> endpointType,
            Setting<Map<String, String>> labels,
            Setting<List<String>> taints,
            Optional<Machine> machine,
            List<User> users,
            SourceRange typeRange)
    {
        public ControlPlane
        {
            users = List.copyOf(users);
            requireNonNull(members, "members is null");
            requireNonNull(endpoint, "endpoint is null");
            requireNonNull(endpointType, "endpointType is null");
            requireNonNull(labels, "labels is null");
            requireNonNull(taints, "taints is null");
            requireNonNull(machine, "machine is null");
            requireNonNull(typeRange, "typeRange is null");
        }
    }

    /** {@code worker_pool "name" {...}}. */
    public record WorkerPool(
            String name,
            SourceRange nameRange,
            Members members,
            Setting<String> maxUnavailable,
            Setting<String> maxSurge,
            Setting<Map<String, String>> labels,
            Setting<List<String>> taints,
            Optional<Machine> machine,
            List<User> users,
            SourceRange range)
    {
        public WorkerPool
        {
            users = List.copyOf(users);
            requireNonNull(name, "name is null");
            requireNonNull(nameRange, "nameRange is null");
            requireNonNull(members, "members is null");
            requireNonNull(maxUnavailable, "maxUnavailable is null");
            requireNonNull(maxSurge, "maxSurge is null");
            requireNonNull(labels, "labels is null");
            requireNonNull(taints, "taints is null");
            requireNonNull(machine, "machine is null");
            requireNonNull(range, "range is null");
        }
    }

    /**
     * {@code machine {...}}: the machines Cluster API creates; {@code spec} carries extra
     * template fields as written. {@code apiVersion} and {@code kind} name the machine
     * template of a generic infrastructure; the builder keeps either alone, for the rules to report.
     */
    public record Machine(
            Optional<Setting<String>> apiVersion,
            Optional<Setting<String>> kind,
            Optional<Setting<String>> template,
            Optional<Setting<String>> instanceType,
            Optional<Setting<Integer>> cpus,
            Optional<Setting<Integer>> memoryMebibytes,
            Optional<Setting<Integer>> diskGibibytes,
            Optional<Setting<String>> sshKeyName,
            Optional<Setting<Value>> spec,
            SourceRange range)
    {
        public Machine
        {
            requireNonNull(apiVersion, "apiVersion is null");
            requireNonNull(kind, "kind is null");
            requireNonNull(template, "template is null");
            requireNonNull(instanceType, "instanceType is null");
            requireNonNull(cpus, "cpus is null");
            requireNonNull(memoryMebibytes, "memoryMebibytes is null");
            requireNonNull(diskGibibytes, "diskGibibytes is null");
            requireNonNull(sshKeyName, "sshKeyName is null");
            requireNonNull(spec, "spec is null");
            requireNonNull(range, "range is null");
        }
    }

    /**
     * {@code user "name" {...}}: an operating-system user Cluster API's bootstrap creates on
     * the group's machines. {@code password} is a crypt(3) hash and sensitive.
     */
    public record User(
            String name,
            SourceRange nameRange,
            Optional<Setting<String>> gecos,
            Setting<List<String>> groups,
            Optional<Setting<String>> homeDirectory,
            Optional<Setting<String>> shell,
            Optional<Setting<String>> sudo,
            Optional<Setting<String>> password,
            Optional<Setting<Boolean>> lockPassword,
            Setting<List<String>> sshAuthorizedKeys,
            SourceRange range)
    {
        public User
        {
            requireNonNull(name, "name is null");
            requireNonNull(nameRange, "nameRange is null");
            requireNonNull(gecos, "gecos is null");
            requireNonNull(groups, "groups is null");
            requireNonNull(homeDirectory, "homeDirectory is null");
            requireNonNull(shell, "shell is null");
            requireNonNull(sudo, "sudo is null");
            requireNonNull(password, "password is null");
            requireNonNull(lockPassword, "lockPassword is null");
            requireNonNull(sshAuthorizedKeys, "sshAuthorizedKeys is null");
            requireNonNull(range, "range is null");
        }
    }
}
