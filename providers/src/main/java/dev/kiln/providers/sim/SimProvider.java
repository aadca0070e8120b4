package dev.kiln.providers.sim;

import dev.kiln.executors.apply.Driver;
import dev.kiln.lang.config.model.KilnSchemas;
import dev.kiln.lang.config.model.ProviderType;
import dev.kiln.planner.spi.DiffRule;
import dev.kiln.planner.spi.Refresher;
import dev.kiln.providers.Provider;
import dev.kiln.providers.ResourceSchemas;

import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The {@code sim} provider: every resource type, made real in a simulated datacenter
 * persisted under the settings' state directory (relative to the working directory).
 */
public final class SimProvider
        implements Provider
{
    private final Simulator simulator;
    private final Map<String, DiffRule> rules;
    private final Map<String, Driver> drivers;
    private final Refresher refresher;

    private SimProvider(Simulator simulator)
    {
        this.simulator = simulator;
        this.rules = Map.of(
                KilnSchemas.NODE, new NodeDiffRule(),
                KilnSchemas.CLUSTER, new ClusterDiffRule(),
                ResourceSchemas.WORKER_POOL, new WorkerPoolDiffRule(),
                KilnSchemas.REGISTRY, PlainDiffRules.registry(),
                KilnSchemas.BACKUP_POINT, PlainDiffRules.backupPoint());
        this.drivers = Map.of(
                KilnSchemas.NODE, new NodeDriver(simulator),
                KilnSchemas.CLUSTER, new ClusterDriver(simulator),
                ResourceSchemas.WORKER_POOL, new WorkerPoolDriver(simulator),
                KilnSchemas.REGISTRY, PlainDriver.registry(simulator),
                KilnSchemas.BACKUP_POINT, PlainDriver.backupPoint(simulator));
        this.refresher = new SimRefresher(simulator);
    }

    public static SimProvider create(SimSettings settings, Path workingDirectory)
    {
        return createAll(Map.of(ProviderType.SIM.label(), settings), workingDirectory).values().iterator().next();
    }

    /**
     * One provider per configuration name ({@code sim}, {@code sim.fast}); configurations with
     * the same state directory share one datacenter, as they share its files.
     */
    public static Map<String, SimProvider> createAll(Map<String, SimSettings> settings, Path workingDirectory)
    {
        requireNonNull(settings, "settings is null");
        requireNonNull(workingDirectory, "workingDirectory is null");
        Map<Path, DatacenterHandle> handles = new HashMap<>();
        TreeMap<String, SimProvider> providers = new TreeMap<>();
        settings.forEach((name, configured) -> {
            Path directory = workingDirectory.resolve(configured.stateDirectory()).toAbsolutePath().normalize();
            DatacenterHandle handle = handles.computeIfAbsent(directory, DatacenterHandle::new);
            providers.put(name, new SimProvider(new Simulator(configured, handle)));
        });
        return Collections.unmodifiableSortedMap(providers);
    }

    /** The simulated datacenter this provider works in, opened on first use. */
    public Datacenter datacenter()
    {
        return simulator.datacenter();
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
}
