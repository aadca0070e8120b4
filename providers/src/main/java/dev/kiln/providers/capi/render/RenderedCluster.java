package dev.kiln.providers.capi.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Every Cluster API object of one cluster, by role. {@code controlPlaneMachineTemplate} is
 * empty when the cloud runs the control plane (EKS). {@code pools} are ordered by pool name.
 */
public record RenderedCluster(
        String name,
        String namespace,
        CapiApiVersion version,
        List<RenderedObject> secrets,
        RenderedObject infrastructureCluster,
        Optional<RenderedObject> controlPlaneMachineTemplate,
        RenderedObject controlPlane,
        RenderedObject cluster,
        List<RenderedPool> pools)
{
    public RenderedCluster
    {
        requireNonNull(name, "name is null");
        requireNonNull(namespace, "namespace is null");
        requireNonNull(version, "version is null");
        secrets = List.copyOf(secrets);
        requireNonNull(infrastructureCluster, "infrastructureCluster is null");
        requireNonNull(controlPlaneMachineTemplate, "controlPlaneMachineTemplate is null");
        requireNonNull(controlPlane, "controlPlane is null");
        requireNonNull(cluster, "cluster is null");
        pools = List.copyOf(pools);
    }

    /**
     * Every object in the order to apply them: Secrets, the infrastructure cluster, the
     * control plane's machine template, the control plane, the Cluster, then each pool's
     * templates and MachineDeployment.
     */
    public List<RenderedObject> objects()
    {
        List<RenderedObject> objects = new ArrayList<>(secrets);
        objects.add(infrastructureCluster);
        controlPlaneMachineTemplate.ifPresent(objects::add);
        objects.add(controlPlane);
        objects.add(cluster);
        pools.forEach(pool -> objects.addAll(pool.objects()));
        return List.copyOf(objects);
    }

    /** The pool named {@code pool}. */
    public Optional<RenderedPool> pool(String pool)
    {
        requireNonNull(pool, "pool is null");
        return pools.stream().filter(candidate -> candidate.pool().equals(pool)).findFirst();
    }

    /** Whether every value of every object is known, so the cluster can be applied. */
    public boolean isComplete()
    {
        return objects().stream().allMatch(RenderedObject::isComplete);
    }
}
