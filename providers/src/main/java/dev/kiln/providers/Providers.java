package dev.kiln.providers;

import dev.kiln.executors.apply.Driver;
import dev.kiln.lang.config.Config;
import dev.kiln.lang.config.ResourceValues;
import dev.kiln.lang.config.model.KilnSchemas;
import dev.kiln.lang.config.model.ProviderSettings;
import dev.kiln.lang.config.model.ProviderType;
import dev.kiln.planner.diff.RecordedResourceValues;
import dev.kiln.planner.diff.StandardDiffRule;
import dev.kiln.planner.spi.DiffRule;
import dev.kiln.planner.spi.Refresher;
import dev.kiln.planner.spi.ResourceType;
import dev.kiln.planner.spi.ResourceTypes;
import dev.kiln.providers.backup.BackupNodes;
import dev.kiln.providers.backup.BackupPointGuard;
import dev.kiln.providers.backup.BackupPointResource;
import dev.kiln.providers.backup.ScheduledBackups;
import dev.kiln.providers.backup.SimSchedules;
import dev.kiln.providers.capi.CapiProvider;
import dev.kiln.providers.kubeadm.KubeadmProvider;
import dev.kiln.providers.sim.SimProvider;
import dev.kiln.providers.sim.SimSettings;
import dev.kiln.state.State;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * The providers of one configuration: the planner's resource types, whose diff rules ask
 * the provider each request names; a refresher that does the same; and the driver of a
 * provider and type for the executor: the simulator, kubeadm and the Cluster API provider; an
 * instance of another provider gets a "Provider not available" error when planned.
 */
public final class Providers
{
    private final Map<String, Provider> available;
    private final ProviderDispatch dispatch;
    private final Path workingDirectory;
    private final Config config;
    private final AppliedValues applied;

    private Providers(Config config, Map<String, Provider> available, Path workingDirectory, AppliedValues applied)
    {
        this.available = Map.copyOf(available);
        this.workingDirectory = workingDirectory;
        this.config = config;
        this.dispatch = new ProviderDispatch(config, this::find);
        this.applied = applied;
    }

    /**
     * The providers {@code config} configures; paths in provider settings are relative to
     * {@code workingDirectory}. Which provider an instance uses is the planner's decision,
     * carried by each diff and refresh request.
     */
    public static Providers of(Config config, Path workingDirectory)
    {
        return of(config, workingDirectory, Optional.empty());
    }

    /**
     * As {@link #of(Config, Path)}, with the run's log folder ({@code .kiln/logs/<run>}) where
     * providers that reach hosts write one {@code <host>.log} per host; without one they pick
     * a folder of their own under {@code .kiln/logs}.
     */
    public static Providers of(Config config, Path workingDirectory, Optional<Path> runLogDirectory)
    {
        requireNonNull(config, "config is null");
        requireNonNull(workingDirectory, "workingDirectory is null");
        requireNonNull(runLogDirectory, "runLogDirectory is null");
        TreeMap<String, SimSettings> simulators = new TreeMap<>();
        for (ProviderSettings settings : config.model().providers()) {
            if (settings instanceof ProviderSettings.Sim sim) {
                simulators.put(settings.name(), SimSettings.from(sim));
            }
        }
        simulators.putIfAbsent(ProviderType.SIM.label(), SimSettings.defaults());
        SimSchedules.runDue(config, workingDirectory);
        TreeMap<String, Provider> available = new TreeMap<>(SimProvider.createAll(simulators, workingDirectory));
        AppliedValues applied = new AppliedValues();
        available.putAll(CapiProviders.create(config, workingDirectory, applied));
        for (ProviderSettings settings : config.model().providers()) {
            if (settings instanceof ProviderSettings.Kubeadm kubeadm) {
                available.put(settings.name(), KubeadmProvider.create(kubeadm, config, workingDirectory, runLogDirectory));
            }
        }
        return new Providers(config, available, workingDirectory, applied);
    }

    /**
     * The recorded values of {@code state}'s instances, for loading the configuration before
     * the providers exist (references to recorded attributes then see their values).
     */
    public static ResourceValues recordedValues(State state)
    {
        requireNonNull(state, "state is null");
        return new RecordedResourceValues(state, ResourceTypes.of(ResourceSchemas.typeNames().stream()
                .map(type -> new ResourceType(type, ResourceSchemas.of(type), StandardDiffRule.INSTANCE))
                .toList()));
    }

    /**
     * One resource type per type name; each diff rule asks the provider its request names.
     * Backup points, whatever their provider, cannot be destroyed while they hold backups.
     */
    public ResourceTypes resourceTypes()
    {
        return ResourceTypes.of(ResourceSchemas.typeNames().stream()
                .map(type -> new ResourceType(type, ResourceSchemas.of(type), diffRule(type)))
                .toList());
    }

    /**
     * Backup points, whatever their provider, cannot be destroyed while they hold backups; a
     * cluster's scheduled backups are planned alike for every provider.
     */
    private DiffRule diffRule(String type)
    {
        return switch (type) {
            case KilnSchemas.BACKUP_POINT -> BackupPointGuard.guarding(request -> ownsBackupPoints(request.provider())
                    ? dispatch.diffRule(type).diff(request)
                    : BackupPointResource.diffRule().diff(request), workingDirectory, BackupNodes.of(config, node -> Optional.empty()));
            case ResourceSchemas.CLUSTER_BACKUP -> request -> find(request.provider()).isPresent()
                    ? ScheduledBackups.diffRule(request.provider()).diff(request)
                    : dispatch.diffRule(type).diff(request);
            default -> dispatch.diffRule(type);
        };
    }

    /** Reads each recorded instance through the provider its request names (scheduled backups stand as recorded). */
    public Refresher refresher()
    {
        Refresher providers = dispatch.refresher();
        Refresher schedules = ScheduledBackups.refresher();
        Refresher points = BackupPointResource.refresher();
        return request -> switch (request.address().type()) {
            case ResourceSchemas.CLUSTER_BACKUP -> find(request.provider()).filter(CapiProvider.class::isInstance)
                    .map(capi -> ScheduledBackups.capiRefresher(((CapiProvider) capi)::workloadClient).read(request))
                    .orElseGet(() -> schedules.read(request));
            case KilnSchemas.BACKUP_POINT -> ownsBackupPoints(request.provider()) ? providers.read(request) : points.read(request);
            default -> providers.read(request);
        };
    }

    /**
     * The driver that carries out changes to {@code type} instances of {@code provider}
     * ({@code ResourceChange.provider()}). A plan never holds changes of an unavailable
     * provider, so asking for one is a bug: {@link IllegalArgumentException}.
     */
    public Driver driver(String provider, String type)
    {
        requireNonNull(provider, "provider is null");
        requireNonNull(type, "type is null");
        return find(provider)
                .flatMap(found -> switch (type) {
                    case ResourceSchemas.CLUSTER_BACKUP -> scheduledBackups(found);
                    case KilnSchemas.BACKUP_POINT -> found.driver(type).or(() -> Optional.of(BackupPointResource.driver(workingDirectory, BackupNodes.of(config, node -> Optional.empty()))));
                    default -> found.driver(type);
                })
                .map(applied::recording)
                .orElseThrow(() -> new IllegalArgumentException("no driver for resource type " + type + " of provider \"" + provider + "\""));
    }

    /** How {@code provider} adopts existing {@code type} objects ({@code kiln import}); empty when it cannot or does not exist. */
    public Optional<Importer> importer(String provider, String type)
    {
        requireNonNull(provider, "provider is null");
        requireNonNull(type, "type is null");
        return find(provider).flatMap(found -> found.importer(type));
    }

    /** Whether {@code provider} exists and has backup points of its own (the simulator); others get real ones. */
    private boolean ownsBackupPoints(String provider)
    {
        return find(provider).flatMap(found -> found.diffRule(KilnSchemas.BACKUP_POINT)).isPresent() || find(provider).isEmpty();
    }

    private Optional<Driver> scheduledBackups(Provider provider)
    {
        return switch (provider) {
            case SimProvider simulator -> Optional.of(ScheduledBackups.simulator(() -> simulator.datacenter().directory(), workingDirectory));
            case KubeadmProvider ignored -> Optional.of(ScheduledBackups.kubeadm(config));
            case CapiProvider capi -> Optional.of(ScheduledBackups.capi(capi::workloadClient, config));
            default -> Optional.empty();
        };
    }

    private Optional<Provider> find(String provider)
    {
        return Optional.ofNullable(available.get(provider));
    }
}
