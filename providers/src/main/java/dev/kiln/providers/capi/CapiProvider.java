package dev.kiln.providers.capi;

import dev.kiln.executors.apply.Driver;
import dev.kiln.executors.kube.KubeClient;
import dev.kiln.executors.kube.KubeConnection;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.config.model.KilnSchemas;
import dev.kiln.lang.config.model.Model;
import dev.kiln.planner.spi.DiffRule;
import dev.kiln.planner.spi.Refresher;
import dev.kiln.providers.AppliedValues;
import dev.kiln.providers.Importer;
import dev.kiln.providers.Provider;
import dev.kiln.providers.ResourceSchemas;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The {@code capi} provider: clusters handed to a Cluster API management cluster. Planning
 * reads values only; refreshing and applying reach the management cluster through a client
 * built on first use. It manages {@code cluster} resources and their {@code worker_pool}s.
 */
public final class CapiProvider
        implements Provider, AutoCloseable
{
    private final ManagementCluster management;
    private final Map<String, DiffRule> rules;
    private final Map<String, Driver> drivers;
    private final Refresher refresher;

    private CapiProvider(ManagementCluster management, Model model)
    {
        this.management = management;
        this.rules = Map.of(
                KilnSchemas.CLUSTER, CapiDiffRule.cluster(management.namespace()),
                ResourceSchemas.WORKER_POOL, CapiDiffRule.pool(management.namespace()));
        this.drivers = Map.of(
                KilnSchemas.CLUSTER, new ClusterDriver(management, model),
                ResourceSchemas.WORKER_POOL, new PoolDriver(management, model));
        this.refresher = new CapiRefresher(management);
    }

    /**
     * The provider {@code settings} configure, for the clusters of {@code model}. A kubeconfig
     * known only after apply is read from {@code applied}; install files are relative to
     * {@code workingDirectory}.
     */
    public static CapiProvider create(CapiSettings settings, Model model, AppliedValues applied, Path workingDirectory)
    {
        requireNonNull(settings, "settings is null");
        requireNonNull(model, "model is null");
        requireNonNull(applied, "applied is null");
        requireNonNull(workingDirectory, "workingDirectory is null");
        return new CapiProvider(new ManagementCluster(settings, applied, new ComponentInstaller(workingDirectory, System.getenv())), model);
    }

    @Override
    public Optional<DiffRule> diffRule(String type)
    {
        return Optional.ofNullable(rules.get(requireNonNull(type, "type is null")));
    }

    @Override
    public Refresher refresher()
    {
        return refresher;
    }

    @Override
    public Optional<Driver> driver(String type)
    {
        return Optional.ofNullable(drivers.get(requireNonNull(type, "type is null")));
    }

    @Override
    public Optional<Importer> importer(String type)
    {
        return type.equals(KilnSchemas.CLUSTER) ? Optional.of(new CapiImport(management)) : Optional.empty();
    }

    /**
     * A client of the workload cluster at {@code cluster}, from its {@code <cluster>-kubeconfig}
     * Secret on the management cluster; empty while the management cluster cannot be reached
     * yet or the cluster has no kubeconfig. Objects without a namespace go to
     * {@code namespace}. The caller closes it.
     */
    public Optional<KubeClient> workloadClient(ResourceAddress cluster, String namespace)
    {
        requireNonNull(cluster, "cluster is null");
        requireNonNull(namespace, "namespace is null");
        if (!management.reachable()) {
            return Optional.empty();
        }
        return ClusterValue.kubeconfig(management.client(), CapiNames.cluster(cluster))
                .map(text -> KubeClient.lazy(new KubeConnection(new KubeConnection.Kubeconfig.Inline(text), Optional.empty(), namespace)));
    }

    @Override
    public void close()
    {
        management.close();
    }
}
