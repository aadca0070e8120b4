package dev.kiln.lang.config.model;

import dev.kiln.lang.config.schema.DecodedAttribute;
import dev.kiln.lang.config.schema.DecodedBlock;
import dev.kiln.lang.diag.Diagnostics;
import dev.kiln.lang.diag.SourceRange;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Builds a cluster's network, runtime, etcd, storage, backup, infrastructure and install settings, filling in defaults. */
final class ClusterPartsBuilder
{
    static final Map<String, Set<String>> STORAGE_ARGUMENTS = Map.of(
            Storage.NFS, Set.of("storage_class", "default_class", "reclaim_policy", "mount_options", "server", "path", "archive_on_delete", "replicas"),
            Storage.CEPH, Set.of("storage_class", "default_class", "reclaim_policy", "mount_options", "monitors", "cluster_id", "pool", "user", "key", "fs_type"));
    private static final Map<String, Set<String>> CNI_ARGUMENTS = Map.of("calico", Set.of("mode", "mtu", "ip_autodetection", "version"));

    private final References references;
    private final Diagnostics diagnostics;

    ClusterPartsBuilder(References references, Diagnostics diagnostics)
    {
        this.references = references;
        this.diagnostics = diagnostics;
    }

    Network network(Optional<DecodedBlock> network, SourceRange fallback)
    {
        if (network.isEmpty()) {
            return new Network(
                    Setting.known(ClusterPartsSchema.DEFAULT_IP_FAMILY, fallback),
                    Setting.known(List.of(ClusterPartsSchema.DEFAULT_POD_CIDR_V4), fallback),
                    Setting.known(List.of(ClusterPartsSchema.DEFAULT_SERVICE_CIDR_V4), fallback),
                    Setting.known(ClusterPartsSchema.DEFAULT_DNS_DOMAIN, fallback),
                    calico(Optional.empty(), fallback),
                    fallback);
        }
        DecodedBlock block = network.get();
        BlockReader reader = new BlockReader(block, diagnostics);
        Setting<String> family = reader.string("ip_family", ClusterPartsSchema.DEFAULT_IP_FAMILY);
        String knownFamily = family.known().orElse(ClusterPartsSchema.DEFAULT_IP_FAMILY);
        return new Network(
                family,
                cidrs(reader, "pod_cidr", defaults(knownFamily, ClusterPartsSchema.DEFAULT_POD_CIDR_V4, ClusterPartsSchema.DEFAULT_POD_CIDR_V6)),
                cidrs(reader, "service_cidr", defaults(knownFamily, ClusterPartsSchema.DEFAULT_SERVICE_CIDR_V4, ClusterPartsSchema.DEFAULT_SERVICE_CIDR_V6)),
                reader.string("dns_domain", ClusterPartsSchema.DEFAULT_DNS_DOMAIN),
                calico(block.block("cni"), block.typeRange()),
                block.range());
    }

    private static List<String> defaults(String family, String ipv4, String ipv6)
    {
        return switch (family) {
            case "ipv6" -> List.of(ipv6);
            case "dual" -> List.of(ipv4, ipv6);
            default -> List.of(ipv4);
        };
    }

    /** One CIDR or two separated by a comma ({@code "10.244.0.0/16,fd00:10:244::/56"}), as kubeadm writes them. */
    private static Setting<List<String>> cidrs(BlockReader reader, String name, List<String> defaults)
    {
        return reader.string(name)
                .map(setting -> setting.map(text -> Arrays.stream(text.split(",")).map(String::strip).toList()))
                .orElseGet(() -> Setting.known(defaults, reader.block().typeRange()));
    }

    private Network.Calico calico(Optional<DecodedBlock> cni, SourceRange fallback)
    {
        if (cni.isEmpty()) {
            return new Network.Calico(
                    Setting.known(ClusterPartsSchema.DEFAULT_CALICO_MODE, fallback),
                    Setting.known(ClusterPartsSchema.DEFAULT_CALICO_MTU, fallback),
                    Setting.known(ClusterPartsSchema.DEFAULT_IP_AUTODETECTION, fallback),
                    Optional.empty(),
                    fallback);
        }
        DecodedBlock block = cni.get();
        BlockKinds.kind(block, "CNI plugin", CNI_ARGUMENTS.keySet(), diagnostics);
        BlockReader reader = new BlockReader(block, diagnostics);
        return new Network.Calico(
                reader.string("mode", ClusterPartsSchema.DEFAULT_CALICO_MODE),
                reader.integer("mtu", ClusterPartsSchema.DEFAULT_CALICO_MTU),
                reader.string("ip_autodetection", ClusterPartsSchema.DEFAULT_IP_AUTODETECTION),
                reader.string("version"),
                block.range());
    }

    Runtime runtime(Optional<DecodedBlock> runtime, SourceRange fallback)
    {
        if (runtime.isEmpty()) {
            return new Runtime(
                    Setting.known(ClusterPartsSchema.DEFAULT_RUNTIME, fallback),
                    Optional.empty(),
                    Setting.known(Runtime.defaultDataDirectory(Runtime.CONTAINERD), fallback),
                    Setting.known(List.of(), fallback),
                    Setting.known(List.of(), fallback),
                    fallback);
        }
        BlockReader reader = new BlockReader(runtime.get(), diagnostics);
        Setting<String> type = reader.string("type", ClusterPartsSchema.DEFAULT_RUNTIME);
        return new Runtime(
                type,
                reader.string("version"),
                reader.string("data_dir", Runtime.defaultDataDirectory(type.known().orElse(Runtime.CONTAINERD))),
                reader.strings("insecure_registries"),
                reader.strings("registry_mirrors"),
                runtime.get().range());
    }

    Etcd etcd(Optional<DecodedBlock> etcd, SourceRange fallback)
    {
        if (etcd.isEmpty()) {
            return new Etcd(
                    Setting.known(ClusterPartsSchema.DEFAULT_ETCD_TYPE, fallback),
                    Setting.known(ClusterPartsSchema.DEFAULT_ETCD_DATA_DIR, fallback),
                    Setting.known(List.of(), fallback),
                    Setting.known(List.of(), fallback),
                    fallback);
        }
        BlockReader reader = new BlockReader(etcd.get(), diagnostics);
        return new Etcd(
                reader.string("type", ClusterPartsSchema.DEFAULT_ETCD_TYPE),
                reader.string("data_dir", ClusterPartsSchema.DEFAULT_ETCD_DATA_DIR),
                reader.strings("endpoints"),
                reader.strings("server_cert_sans"),
                etcd.get().range());
    }

    Optional<Storage> storage(DecodedBlock block)
    {
        Optional<String> driver = BlockKinds.kind(block, "storage driver", Storage.DRIVERS, diagnostics);
        if (driver.isEmpty()) {
            return Optional.empty();
        }
        BlockKinds.rejectForeignArguments(block, driver.get(), STORAGE_ARGUMENTS, diagnostics);
        BlockReader reader = new BlockReader(block, diagnostics);
        Setting<Boolean> defaultClass = reader.bool("default_class", false);
        Setting<String> reclaimPolicy = reader.string("reclaim_policy", ClusterPartsSchema.DEFAULT_RECLAIM_POLICY);
        if (driver.get().equals(Storage.NFS)) {
            BlockKinds.requireArguments(reader, Storage.NFS, List.of("server", "path"), diagnostics);
            return Optional.of(new Storage.Nfs(
                    reader.string("storage_class", Storage.NFS_DEFAULT_CLASS),
                    defaultClass,
                    reclaimPolicy,
                    reader.strings("mount_options"),
                    reader.string("server", ""),
                    reader.string("path", ""),
                    reader.bool("archive_on_delete", false),
                    reader.integer("replicas", 1),
                    block.range()));
        }
        BlockKinds.requireArguments(reader, Storage.CEPH, List.of("monitors", "cluster_id", "pool", "key"), diagnostics);
        return Optional.of(new Storage.Ceph(
                reader.string("storage_class", Storage.CEPH_DEFAULT_CLASS),
                defaultClass,
                reclaimPolicy,
                reader.strings("mount_options"),
                reader.strings("monitors"),
                reader.string("cluster_id", ""),
                reader.string("pool", ""),
                reader.string("user", "admin"),
                reader.string("key"),
                reader.string("fs_type", "ext4"),
                block.range()));
    }

    Backup backup(DecodedBlock block)
    {
        BlockReader reader = new BlockReader(block, diagnostics);
        return new Backup(
                references.single(block.attribute("point"), KilnSchemas.BACKUP_POINT, "backup_point.minio"),
                reader.string("schedule", ClusterPartsSchema.DEFAULT_BACKUP_SCHEDULE),
                reader.integer("keep", ClusterPartsSchema.DEFAULT_BACKUP_KEEP),
                reader.bool("enabled", true),
                block.range());
    }

    Optional<Infrastructure> infrastructure(DecodedBlock block)
    {
        Optional<String> kind = BlockKinds.kind(block, "infrastructure kind", InfrastructureSchema.KINDS, diagnostics);
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        BlockKinds.rejectForeignArguments(block, kind.get(), InfrastructureSchema.ARGUMENTS, diagnostics);
        BlockReader reader = new BlockReader(block, diagnostics);
        if (kind.get().equals("generic")) {
            BlockKinds.requireArguments(reader, "generic", List.of("api_version", "kind"), diagnostics);
        }
        TreeMap<String, Setting<String>> arguments = new TreeMap<>();
        for (DecodedAttribute attribute : block.attributes().values()) {
            if (!attribute.name().equals("spec")) {
                reader.string(attribute.name()).ifPresent(setting -> arguments.put(attribute.name(), setting));
            }
        }
        return Optional.of(new Infrastructure(kind.get(), block.labels().getFirst().range(), arguments, reader.value("spec"), block.range()));
    }

    Install install(Optional<DecodedBlock> install, SourceRange fallback)
    {
        if (install.isEmpty()) {
            return new Install(Setting.known(ClusterPartsSchema.DEFAULT_INSTALL_MODE, fallback), Optional.empty(), Optional.empty(), Optional.empty(), fallback);
        }
        BlockReader reader = new BlockReader(install.get(), diagnostics);
        return new Install(
                reader.string("mode", ClusterPartsSchema.DEFAULT_INSTALL_MODE),
                reader.string("bundle"),
                reader.string("image_repository"),
                reader.string("chart_repository"),
                install.get().range());
    }
}
