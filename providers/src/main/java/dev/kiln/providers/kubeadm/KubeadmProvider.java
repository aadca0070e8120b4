package dev.kiln.providers.kubeadm;

import dev.kiln.executors.apply.Driver;
import dev.kiln.lang.config.Config;
import dev.kiln.lang.config.model.KilnSchemas;
import dev.kiln.lang.config.model.ProviderSettings;
import dev.kiln.planner.spi.DiffRule;
import dev.kiln.planner.spi.Refresher;
import dev.kiln.providers.Provider;
import dev.kiln.providers.ResourceSchemas;
import dev.kiln.providers.kubeadm.apply.Drivers;
import dev.kiln.providers.kubeadm.apply.Environment;
import dev.kiln.providers.kubeadm.apply.NodeRoles;
import dev.kiln.providers.kubeadm.plan.ClusterRule;
import dev.kiln.providers.kubeadm.plan.NodeRule;
import dev.kiln.providers.kubeadm.plan.PoolRule;
import dev.kiln.providers.kubeadm.plan.RegistryRule;
import dev.kiln.providers.kubeadm.refresh.KubeadmRefresher;
import dev.kiln.providers.kubeadm.remote.SshConnector;
import dev.kiln.providers.kubeadm.spec.ModelSpecs;
import dev.kiln.providers.kubeadm.spec.NodeNames;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The {@code kubeadm} provider: nodes, clusters, worker pools and registries on machines
 * Kiln reaches over SSH, set up with kubeadm. Diff rules plan with the configuration's node
 * names and the offline bundle on this machine; drivers and the refresher share one SSH
 * connection per host for the run.
 */
public final class KubeadmProvider
        implements Provider
{
    private final Map<String, DiffRule> rules;
    private final Map<String, Driver> drivers;
    private final Refresher refresher;

    private KubeadmProvider(Environment environment)
    {
        this.rules = Map.of(
                KilnSchemas.NODE, new NodeRule(),
                KilnSchemas.CLUSTER, new ClusterRule(environment.workingDirectory(), environment.names()),
                ResourceSchemas.WORKER_POOL, new PoolRule(environment.names()),
                KilnSchemas.REGISTRY, new RegistryRule(environment.names()));
        this.drivers = Drivers.all(environment);
        this.refresher = new KubeadmRefresher(environment);
    }

    /** The provider {@code settings} configures for {@code config}; offline bundles and {@code .kiln/} are relative to {@code workingDirectory}. */
    public static KubeadmProvider create(ProviderSettings.Kubeadm settings, Config config, Path workingDirectory)
    {
        return create(settings, config, workingDirectory, Optional.empty());
    }

    /**
     * As {@link #create(ProviderSettings.Kubeadm, Config, Path)}, with host logs written to
     * {@code runLogDirectory/<host>.log} (the CLI run's folder {@code .kiln/logs/<run>}); without
     * one, to a folder of their own under {@code .kiln/logs}.
     */
    public static KubeadmProvider create(ProviderSettings.Kubeadm settings, Config config, Path workingDirectory, Optional<Path> runLogDirectory)
    {
        requireNonNull(settings, "settings is null");
        requireNonNull(config, "config is null");
        requireNonNull(workingDirectory, "workingDirectory is null");
        requireNonNull(runLogDirectory, "runLogDirectory is null");
        Duration timeout = settings.connectTimeout().known().map(KubeadmProvider::duration).orElse(Duration.ofSeconds(30));
        Environment environment = new Environment(workingDirectory, NodeNames.of(config.model().nodes().values()),
                new SshConnector(workingDirectory.resolve(".kiln"), runLogDirectory, timeout),
                NodeRoles.of(config.model().clusters(), config.model().nodes()),
                address -> ModelSpecs.cluster(config.model(), address),
                registry -> ModelSpecs.registryBundle(config.model(), registry),
                settings.maxParallelPerHost().known().orElse(1));
        return new KubeadmProvider(environment);
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

    /** {@code "30s"}, {@code "2m"}, {@code "1h"}, or a number of seconds. */
    static Duration duration(String text)
    {
        String trimmed = text.trim();
        char unit = trimmed.isEmpty() ? 's' : trimmed.charAt(trimmed.length() - 1);
        String number = Character.isDigit(unit) ? trimmed : trimmed.substring(0, trimmed.length() - 1);
        long amount = Long.parseLong(number.isEmpty() ? "30" : number);
        return switch (unit) {
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            default -> Duration.ofSeconds(amount);
        };
    }
}
