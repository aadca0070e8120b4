package dev.kiln.providers.capi.render;

import dev.kiln.lang.config.model.Cluster;
import dev.kiln.lang.config.model.Model;
import dev.kiln.lang.config.model.ProviderSettings;
import dev.kiln.lang.config.model.ProviderType;
import dev.kiln.lang.diag.Diagnostic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Renders a {@code cluster} with {@code provider = capi} into the Cluster API objects that
 * describe it. Rendering is pure and deterministic: the same configuration gives the same
 * objects, names and order. Values only known after apply are rendered as
 * {@value RenderedObject#UNKNOWN_TEXT} and recorded in each object's {@code unknownPaths};
 * sensitive values stay in the bodies (for applying) and are recorded in
 * {@code sensitivePaths}. Call {@link #check} first: rendering needs an infrastructure block.
 */
public final class CapiRenderer
{
    private CapiRenderer() {}

    /** Every object of {@code cluster}, in {@code version}. The cluster must have an infrastructure block ({@link #check}). */
    public static RenderedCluster render(Cluster cluster, ProviderSettings.Capi provider, CapiApiVersion version, RenderInputs inputs)
    {
        RenderContext context = context(cluster, provider, version, inputs);
        Flavour flavour = Flavour.of(cluster);
        RenderedObject infrastructure = ClusterObjects.infrastructure(context, flavour);
        Optional<RenderedObject> machineTemplate = Optional.empty();
        RenderedObject controlPlane;
        if (cluster.hasManagedControlPlane()) {
            controlPlane = ControlPlanes.managed(context);
        }
        else {
            machineTemplate = Optional.of(MachineTemplates.machine(context, flavour, ObjectNames.CONTROL_PLANE, cluster.controlPlane().machine(), true));
            controlPlane = ControlPlanes.kubeadm(context, machineTemplate.get());
        }
        RenderedObject clusterObject = ClusterObjects.cluster(context, infrastructure, controlPlane);
        List<RenderedPool> pools = cluster.workerPools().stream()
                .map(pool -> WorkerPools.render(context, flavour, pool))
                .toList();
        return new RenderedCluster(context.clusterName(), context.namespace(), version, secrets(context, flavour),
                infrastructure, machineTemplate, controlPlane, clusterObject, pools);
    }

    /** One worker pool's objects, exactly as {@link #render} renders them for that pool. */
    public static RenderedPool renderPool(
            Cluster cluster,
            Cluster.WorkerPool pool,
            ProviderSettings.Capi provider,
            CapiApiVersion version,
            RenderInputs inputs)
    {
        requireNonNull(pool, "pool is null");
        RenderContext context = context(cluster, provider, version, inputs);
        return WorkerPools.render(context, Flavour.of(cluster), pool);
    }

    /**
     * Problems with rendering {@code cluster}: a missing infrastructure block, and object
     * names that break the cluster's naming policy or Kubernetes' name limits, each at the
     * place in the configuration that gives the name.
     */
    public static List<Diagnostic> check(Cluster cluster, ProviderSettings.Capi provider)
    {
        requireNonNull(cluster, "cluster is null");
        requireNonNull(provider, "provider is null");
        if (cluster.infrastructure().isEmpty()) {
            return List.of(Diagnostic.error(
                    "Missing infrastructure block",
                    cluster.address() + " uses the capi provider, which creates machines through a Cluster API infrastructure provider; "
                            + "the cluster does not say which. Add an infrastructure block: infrastructure \"docker\" | \"vsphere\" | \"openstack\" | "
                            + "\"aws\" | \"byoh\" | \"generic\" {...}.",
                    cluster.nameRange()));
        }
        return check(cluster, render(cluster, provider, CapiApiVersion.DEFAULT, RenderInputs.NONE));
    }

    /**
     * Problems with the names of {@code rendered}, the objects of {@code cluster}: names that
     * break the cluster's naming policy or Kubernetes' name limits, each at the place in the
     * configuration that gives the name.
     */
    public static List<Diagnostic> check(Cluster cluster, RenderedCluster rendered)
    {
        requireNonNull(cluster, "cluster is null");
        requireNonNull(rendered, "rendered is null");
        return NamingPolicy.check(cluster, rendered);
    }

    /**
     * The {@code provider "capi"} configuration {@code cluster} uses: the one its
     * {@code provider = capi.ALIAS} names, or the one without an alias. Empty when the
     * configuration has no such block.
     */
    public static Optional<ProviderSettings.Capi> provider(Model model, Cluster cluster)
    {
        requireNonNull(model, "model is null");
        requireNonNull(cluster, "cluster is null");
        return model.provider(cluster.provider().orElse(ProviderType.CAPI.label()))
                .filter(ProviderSettings.Capi.class::isInstance)
                .map(ProviderSettings.Capi.class::cast);
    }

    /** The Cluster object's name for {@code cluster}: its block name, with the instance key appended for count and for_each. */
    public static String clusterName(Cluster cluster)
    {
        requireNonNull(cluster, "cluster is null");
        return ObjectNames.cluster(cluster.address());
    }

    /** The infrastructure's credentials and the encryption provider config, as Secrets. */
    private static List<RenderedObject> secrets(RenderContext context, Flavour flavour)
    {
        List<RenderedObject> secrets = new ArrayList<>();
        flavour.secrets(context).forEach(secret -> secrets.add(RenderedObject.of(ObjectRole.SECRET, secret)));
        context.cluster().encryptionProviderConfig().ifPresent(config -> secrets.add(RenderedObject.of(ObjectRole.SECRET,
                Secrets.secret(context, context.name(KubeadmConfigs.ENCRYPTION_CONFIG_ROLE), Map.of(KubeadmConfigs.ENCRYPTION_CONFIG_KEY, config)))));
        return secrets;
    }

    private static RenderContext context(Cluster cluster, ProviderSettings.Capi provider, CapiApiVersion version, RenderInputs inputs)
    {
        requireNonNull(cluster, "cluster is null");
        requireNonNull(provider, "provider is null");
        requireNonNull(version, "version is null");
        requireNonNull(inputs, "inputs is null");
        if (cluster.providerType() != ProviderType.CAPI) {
            throw new IllegalArgumentException(cluster.address() + " does not use the capi provider");
        }
        String namespace = provider.namespace().known().orElse(RenderedObject.UNKNOWN_TEXT);
        return new RenderContext(cluster, ObjectNames.cluster(cluster.address()), namespace, version, inputs);
    }
}
