package dev.kiln.providers.capi;

import dev.kiln.executors.apply.Driver;
import dev.kiln.lang.config.model.KilnSchemas;
import dev.kiln.lang.config.model.Model;
import dev.kiln.planner.spi.DiffRule;
import dev.kiln.planner.spi.Refresher;
import dev.kiln.providers.AppliedValues;
import dev.kiln.providers.Importer;
import dev.kiln.providers.Provider;

import java.nio.file.Path;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The {@code capi} provider: clusters handed to a Cluster API management cluster. Planning
 * reads values only; refreshing and applying reach the management cluster through a client
 * built on first use. It manages {@code cluster} resources.
 */
public final class CapiProvider
        implements Provider, AutoCloseable
{
    private final ManagementCluster management;
    private final DiffRule diffRule;
    private final Driver clusterDriver;
    private final Refresher refresher;

    private CapiProvider(ManagementCluster management, Model model)
    {
        this.management = management;
        this.diffRule = new CapiDiffRule(management.namespace());
        this.clusterDriver = new ClusterDriver(management, model);
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
        return type.equals(KilnSchemas.CLUSTER) ? Optional.of(diffRule) : Optional.empty();
    }

    @Override
    public Refresher refresher()
    {
        return refresher;
    }

    @Override
    public Optional<Driver> driver(String type)
    {
        return type.equals(KilnSchemas.CLUSTER) ? Optional.of(clusterDriver) : Optional.empty();
    }

    @Override
    public Optional<Importer> importer(String type)
    {
        return type.equals(KilnSchemas.CLUSTER) ? Optional.of(new CapiImport(management)) : Optional.empty();
    }

    @Override
    public void close()
    {
        management.close();
    }
}
