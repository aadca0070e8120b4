package dev.kiln.lang.config.model;

import dev.kiln.lang.diag.SourceRange;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** A {@code provider "TYPE"} block: how clusters of that provider are made real. */
public sealed interface ProviderSettings
{
    ProviderType type();

    Optional<String> alias();

    SourceRange range();

    /** {@code kubeadm}, or {@code capi.east} for an aliased configuration: what {@code provider = ...} names. */
    default String name()
    {
        return type().label() + alias().map(alias -> "." + alias).orElse("");
    }

    /** Clusters on machines Kiln reaches over SSH, set up with kubeadm. */
    record Kubeadm(Optional<String> alias, Setting<String> connectTimeout, Setting<Integer> maxParallelPerHost, SourceRange range)
            implements ProviderSettings
    {
        public Kubeadm
        {
            requireNonNull(alias, "alias is null");
            requireNonNull(connectTimeout, "connectTimeout is null");
            requireNonNull(maxParallelPerHost, "maxParallelPerHost is null");
            requireNonNull(range, "range is null");
        }

        @Override
        public ProviderType type()
        {
            return ProviderType.KUBEADM;
        }
    }

    /** Clusters handed to a Cluster API management cluster. {@code kubeconfig} is sensitive. */
    record Capi(
            Optional<String> alias,
            Optional<Setting<String>> kubeconfig,
            Optional<Setting<String>> context,
            Setting<String> namespace,
            Optional<CapiInstall> install,
            SourceRange range)
            implements ProviderSettings
    {
        public Capi
        {
            requireNonNull(alias, "alias is null");
            requireNonNull(kubeconfig, "kubeconfig is null");
            requireNonNull(context, "context is null");
            requireNonNull(namespace, "namespace is null");
            requireNonNull(install, "install is null");
            requireNonNull(range, "range is null");
        }

        @Override
        public ProviderType type()
        {
            return ProviderType.CAPI;
        }
    }

    /** The Cluster API providers to install in the management cluster; {@code variables} are sensitive. */
    record CapiInstall(
            Optional<Setting<String>> core,
            Optional<Setting<String>> bootstrap,
            Optional<Setting<String>> controlPlane,
            Setting<Map<String, String>> infrastructure,
            Setting<Map<String, String>> variables,
            SourceRange range)
    {
        public CapiInstall
        {
            requireNonNull(core, "core is null");
            requireNonNull(bootstrap, "bootstrap is null");
            requireNonNull(controlPlane, "controlPlane is null");
            requireNonNull(infrastructure, "infrastructure is null");
            requireNonNull(variables, "variables is null");
            requireNonNull(range, "range is null");
        }
    }

    /** The simulated datacenter, with failure injection. */
    record Sim(
            Optional<String> alias,
            Setting<BigDecimal> speed,
            Setting<BigDecimal> failureRate,
            Setting<List<String>> fail,
            Setting<List<String>> hang,
            Setting<Integer> seed,
            Setting<String> stateDirectory,
            SourceRange range)
            implements ProviderSettings
    {
        public Sim
        {
            requireNonNull(alias, "alias is null");
            requireNonNull(speed, "speed is null");
            requireNonNull(failureRate, "failureRate is null");
            requireNonNull(fail, "fail is null");
            requireNonNull(hang, "hang is null");
            requireNonNull(seed, "seed is null");
            requireNonNull(stateDirectory, "stateDirectory is null");
            requireNonNull(range, "range is null");
        }

        @Override
        public ProviderType type()
        {
            return ProviderType.SIM;
        }
    }
}
