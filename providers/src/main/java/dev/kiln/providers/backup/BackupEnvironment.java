package dev.kiln.providers.backup;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.executors.ssh.SshHosts;
import dev.kiln.executors.ssh.SshOptions;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.config.Config;
import dev.kiln.lang.config.model.KilnSchemas;
import dev.kiln.lang.config.model.ProviderSettings;
import dev.kiln.lang.config.model.ProviderType;
import dev.kiln.providers.sim.Datacenter;
import dev.kiln.providers.sim.SimSettings;
import dev.kiln.state.ResourceInstance;
import dev.kiln.state.State;
import dev.kiln.state.blob.BlobStore;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What the backup commands need from a working directory: its recorded clusters and backup
 * points, each cluster's etcd (reached through the cluster's provider) and Kubernetes
 * version, and each point's catalog. Opening it first runs the simulator's scheduled backups
 * that came due ({@link SimSchedules}).
 */
public final class BackupEnvironment
        implements AutoCloseable
{
    private final Config config;
    private final State state;
    private final Path workingDirectory;
    private SshHosts ssh;

    public BackupEnvironment(Config config, State state, Path workingDirectory)
    {
        this.config = requireNonNull(config, "config is null");
        this.state = requireNonNull(state, "state is null");
        this.workingDirectory = requireNonNull(workingDirectory, "workingDirectory is null");
        SimSchedules.runDue(config, workingDirectory);
    }

    /** The recorded cluster at {@code address}. */
    public ResourceInstance cluster(String address)
            throws BackupException
    {
        Optional<ResourceInstance> found = clusters().stream().filter(instance -> instance.address().toString().equals(address)).findFirst();
        return found.orElseThrow(() -> new BackupException("No cluster " + address + " in the state. Clusters: " + names(KilnSchemas.CLUSTER) + "."));
    }

    public List<ResourceInstance> clusters()
    {
        return instances(KilnSchemas.CLUSTER);
    }

    public List<ResourceInstance> points()
    {
        return instances(KilnSchemas.BACKUP_POINT);
    }

    /** The Kubernetes version the cluster's control plane runs, as last recorded. */
    public static String kubernetesVersion(ResourceInstance cluster)
    {
        JsonNode current = cluster.attributes().path("current_version");
        return current.isTextual() && !current.asText().isEmpty() ? current.asText() : cluster.attributes().path("kubernetes_version").asText("");
    }

    /**
     * The backup point a backup of {@code cluster} goes to: {@code name} ({@code minio} or
     * {@code backup_point.minio}) when given, else the point the cluster's backup block names,
     * else the only point in the state.
     */
    public ResourceInstance point(ResourceInstance cluster, Optional<String> name)
            throws BackupException
    {
        List<ResourceInstance> points = points();
        if (name.isPresent()) {
            String wanted = name.get().startsWith(KilnSchemas.BACKUP_POINT + ".") ? name.get() : KilnSchemas.BACKUP_POINT + "." + name.get();
            return points.stream().filter(point -> point.address().toString().equals(wanted)).findFirst()
                    .orElseThrow(() -> new BackupException("No backup point " + wanted + " in the state. Backup points: " + names(KilnSchemas.BACKUP_POINT) + "."));
        }
        JsonNode configured = cluster.attributes().path("backup").path("point");
        Optional<ResourceInstance> named = points.stream().filter(point -> configured.isObject() && point.attributes().equals(configured)).findFirst();
        if (named.isPresent()) {
            return named.get();
        }
        if (points.size() == 1) {
            return points.getFirst();
        }
        throw new BackupException(points.isEmpty()
                ? "The state has no backup point. Add a backup_point block, apply it, and try again."
                : cluster.address() + " has no backup block naming its point, and the state has several: " + names(KilnSchemas.BACKUP_POINT) + ". Choose one with -point NAME.");
    }

    /** The catalog of {@code point}; {@code prepare} creates its bucket when missing (taking a backup). Close its store when done. */
    public BackupCatalog catalog(ResourceInstance point, boolean prepare)
            throws IOException
    {
        BlobStore store = BackupPoints.open(point.address().toString(), point.attributes(), workingDirectory, prepare, BackupNodes.of(config, this::hostKey));
        return new BackupCatalog(point.address().toString(), store);
    }

    /** The etcd of {@code cluster}, through its provider. */
    public ClusterEtcd etcd(ResourceInstance cluster)
            throws BackupException
    {
        String provider = cluster.provider();
        String type = provider.contains(".") ? provider.substring(0, provider.indexOf('.')) : provider;
        if (type.equals(ProviderType.SIM.label())) {
            return new SimClusterEtcd(Datacenter.open(datacenter(provider)), cluster.address().toString());
        }
        if (type.equals(ProviderType.KUBEADM.label())) {
            return KubeadmEtcd.open(config, cluster.address(), ssh(), this::hostKey);
        }
        throw new BackupException(cluster.address() + " uses provider " + provider + ", whose clusters Kiln cannot back up by hand: "
                + "a Cluster API cluster is backed up by its scheduled backup (a CronJob in the cluster).");
    }

    /** The host key state recorded for {@code node} under trust on first use, if any. */
    private Optional<String> hostKey(ResourceAddress node)
    {
        return state.resource(node)
                .map(recorded -> recorded.attributes().path("facts").path("host_key"))
                .filter(JsonNode::isTextual)
                .map(JsonNode::asText);
    }

    /** The SSH connections to kubeadm nodes, opened on first use and closed with {@link #close()}. */
    private synchronized SshHosts ssh()
    {
        if (ssh == null) {
            ssh = SshHosts.open(SshOptions.defaults());
        }
        return ssh;
    }

    /** Closes the SSH connections this environment opened. */
    @Override
    public synchronized void close()
    {
        if (ssh != null) {
            ssh.close();
            ssh = null;
        }
    }

    private Path datacenter(String provider)
    {
        SimSettings settings = config.model().provider(provider)
                .filter(ProviderSettings.Sim.class::isInstance)
                .map(ProviderSettings.Sim.class::cast)
                .map(SimSettings::from)
                .orElseGet(SimSettings::defaults);
        return workingDirectory.resolve(settings.stateDirectory()).toAbsolutePath().normalize();
    }

    private List<ResourceInstance> instances(String type)
    {
        return state.resources().values().stream().filter(instance -> instance.type().equals(type)).toList();
    }

    private String names(String type)
    {
        List<String> names = instances(type).stream().map(instance -> instance.address().toString()).toList();
        return names.isEmpty() ? "none" : String.join(", ", names);
    }
}
