package dev.kiln.providers.backup;

import dev.kiln.executors.apply.Driver;
import dev.kiln.lang.config.Config;
import dev.kiln.planner.spi.DiffRule;
import dev.kiln.planner.spi.RefreshResponse;
import dev.kiln.planner.spi.Refresher;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * The {@code cluster_backup} resource type ({@code cluster.prod.backup}) for every provider:
 * its diff rule, its refresher (the recorded schedule stands; nodes are not read back), and
 * the driver of each provider type — the simulator's schedule, systemd timers on kubeadm
 * control planes, a CronJob in Cluster API clusters (read back on refresh).
 */
public final class ScheduledBackups
{
    private ScheduledBackups() {}

    public static DiffRule diffRule(String provider)
    {
        return ScheduledBackupRule.forProvider(type(requireNonNull(provider, "provider is null")));
    }

    /** The refresher of Cluster API clusters' scheduled backups: their CronJob, read back. */
    public static Refresher capiRefresher(WorkloadClusters clusters)
    {
        return new CapiScheduleRefresher(requireNonNull(clusters, "clusters is null"));
    }

    /** The driver of Cluster API clusters' scheduled backups: a CronJob applied to the cluster itself. */
    public static Driver capi(WorkloadClusters clusters, Config config)
    {
        return new CapiScheduleDriver(requireNonNull(clusters, "clusters is null"), requireNonNull(config, "config is null"));
    }

    public static Refresher refresher()
    {
        return request -> new RefreshResponse(Optional.of(request.prior()), List.of());
    }

    /** The simulator's driver; {@code datacenter} is the simulated datacenter's directory, found when first needed; relative fs points are relative to {@code workingDirectory}. */
    public static Driver simulator(Supplier<Path> datacenter, Path workingDirectory)
    {
        return new SimScheduleDriver(requireNonNull(datacenter, "datacenter is null"), requireNonNull(workingDirectory, "workingDirectory is null"));
    }

    public static Driver kubeadm(Config config)
    {
        return new KubeadmScheduleDriver(requireNonNull(config, "config is null"));
    }

    /** {@code kubeadm} of {@code kubeadm.east}. */
    public static String type(String provider)
    {
        return provider.contains(".") ? provider.substring(0, provider.indexOf('.')) : provider;
    }
}
