package dev.kiln.lang.config.model;

import dev.kiln.lang.config.schema.DecodedBlock;
import dev.kiln.lang.config.schema.DecodedInstance;
import dev.kiln.lang.diag.Diagnostics;
import dev.kiln.lang.diag.SourceRange;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Builds a {@link Cluster} from a decoded {@code cluster} instance. */
final class ClusterBuilder
{
    static final String CONTROL_PLANE_TAINT = "node-role.kubernetes.io/control-plane:NoSchedule";

    private final References references;
    private final List<ProviderSettings> providers;
    private final Diagnostics diagnostics;

    ClusterBuilder(References references, List<ProviderSettings> providers, Diagnostics diagnostics)
    {
        this.references = references;
        this.providers = providers;
        this.diagnostics = diagnostics;
    }

    Cluster build(DecodedInstance instance)
    {
        DecodedBlock block = instance.block();
        BlockReader reader = new BlockReader(block, diagnostics);
        SourceRange header = reader.headerRange();
        ClusterPartsBuilder parts = new ClusterPartsBuilder(references, diagnostics);
        return new Cluster(
                instance.address(),
                header,
                instance.provider(),
                providerType(instance.provider()),
                reader.string("kubernetes_version", ""),
                reader.strings("upgrade_path"),
                block.block("control_plane").map(this::controlPlane).orElseGet(() -> emptyControlPlane(header)),
                block.blocks("worker_pool").stream()
                        .filter(pool -> !pool.labels().isEmpty())
                        .map(this::workerPool)
                        .sorted(Comparator.comparing(Cluster.WorkerPool::name))
                        .toList(),
                parts.network(block.block("network"), header),
                parts.runtime(block.block("runtime"), header),
                parts.etcd(block.block("etcd"), header),
                reader.strings("cert_sans"),
                reader.string("external_address"),
                reader.string("worker_load_balancer"),
                references.single(block.attribute("registry"), KilnSchemas.REGISTRY, "registry.mirror"),
                block.blocks("storage").stream().flatMap(storage -> parts.storage(storage).stream()).toList(),
                block.block("backup").map(parts::backup),
                block.block("infrastructure").flatMap(parts::infrastructure),
                parts.install(block.block("install"), header),
                reader.string("kubeadm_config_format", ClusterSchema.DEFAULT_KUBEADM_CONFIG_FORMAT),
                reader.string("encryption_provider_config"),
                reader.string("naming_policy", ClusterSchema.DEFAULT_NAMING_POLICY),
                reader.stringMap("annotations"),
                reader.stringMap("labels"),
                block.range());
    }

    /**
     * {@code provider = capi.east} gives its type; without one, the type of the configured
     * providers when they are all of one type, else kubeadm.
     */
    private ProviderType providerType(Optional<String> provider)
    {
        if (provider.isPresent()) {
            String type = provider.get().contains(".") ? provider.get().substring(0, provider.get().indexOf('.')) : provider.get();
            return ProviderType.fromLabel(type).orElse(ProviderType.KUBEADM);
        }
        List<ProviderType> types = providers.stream().map(ProviderSettings::type).distinct().toList();
        return types.size() == 1 ? types.getFirst() : ProviderType.KUBEADM;
    }

    private Cluster.Members members(DecodedBlock block, BlockReader reader)
    {
        return new Cluster.Members(references.nodes(block.attribute("nodes")), reader.integer("replicas"));
    }

    private Cluster.ControlPlane controlPlane(DecodedBlock block)
    {
        BlockReader reader = new BlockReader(block, diagnostics);
        return new Cluster.ControlPlane(
                members(block, reader),
                reader.string("endpoint"),
                reader.string("endpoint_type", ClusterSchema.DEFAULT_ENDPOINT_TYPE),
                reader.stringMap("labels"),
                reader.optionalStrings("taints").orElseGet(() -> Setting.known(List.of(CONTROL_PLANE_TAINT), block.typeRange())),
                block.block("machine").map(this::machine),
                users(block),
                block.typeRange());
    }

    private Cluster.ControlPlane emptyControlPlane(SourceRange range)
    {
        return new Cluster.ControlPlane(
                new Cluster.Members(Optional.empty(), Optional.empty()),
                Optional.empty(),
                Setting.known(ClusterSchema.DEFAULT_ENDPOINT_TYPE, range),
                Setting.known(java.util.Map.of(), range),
                Setting.known(List.of(CONTROL_PLANE_TAINT), range),
                Optional.empty(),
                List.of(),
                range);
    }

    private Cluster.WorkerPool workerPool(DecodedBlock block)
    {
        BlockReader reader = new BlockReader(block, diagnostics);
        return new Cluster.WorkerPool(
                block.labels().getFirst().value(),
                block.labels().getFirst().range(),
                members(block, reader),
                reader.string("max_unavailable", ClusterSchema.DEFAULT_MAX_UNAVAILABLE),
                reader.string("max_surge", ClusterSchema.DEFAULT_MAX_SURGE),
                reader.stringMap("labels"),
                reader.strings("taints"),
                block.block("machine").map(this::machine),
                users(block),
                block.range());
    }

    private Cluster.Machine machine(DecodedBlock block)
    {
        BlockReader reader = new BlockReader(block, diagnostics);
        return new Cluster.Machine(
                reader.string("api_version"),
                reader.string("kind"),
                reader.string("template"),
                reader.string("instance_type"),
                reader.integer("cpus"),
                reader.integer("memory_mib"),
                reader.integer("disk_gib"),
                reader.string("ssh_key_name"),
                reader.value("spec"),
                block.range());
    }

    /** The group's {@code user} blocks in the order written; duplicate names are reported by the decoder. */
    private List<Cluster.User> users(DecodedBlock group)
    {
        return group.blocks("user").stream()
                .filter(user -> !user.labels().isEmpty())
                .map(this::user)
                .toList();
    }

    private Cluster.User user(DecodedBlock block)
    {
        BlockReader reader = new BlockReader(block, diagnostics);
        return new Cluster.User(
                block.labels().getFirst().value(),
                block.labels().getFirst().range(),
                reader.string("gecos"),
                reader.strings("groups"),
                reader.string("home_dir"),
                reader.string("shell"),
                reader.string("sudo"),
                reader.string("passwd"),
                reader.bool("lock_password"),
                reader.strings("ssh_authorized_keys"),
                block.range());
    }
}
