package dev.kiln.providers.capi;

import dev.kiln.lang.value.Value;

import java.util.Optional;

/**
 * A capi cluster or worker pool value as planning and applying read it: its Kubernetes
 * version, and how many machines (empty when unknown, or for a control plane the cloud runs).
 */
record CapiShape(Optional<String> version, Optional<Integer> replicas, boolean managedControlPlane)
{
    static CapiShape cluster(Value cluster)
    {
        Optional<Value> controlPlane = CapiValues.attribute(cluster, "control_plane");
        Optional<Integer> replicas = controlPlane.flatMap(block -> CapiValues.integer(block, "replicas"));
        boolean managed = controlPlane.map(block -> CapiValues.attribute(block, "replicas").isEmpty() && CapiValues.attribute(block, "nodes").isEmpty()).orElse(true);
        return new CapiShape(CapiValues.string(cluster, "kubernetes_version"), replicas, managed);
    }

    static CapiShape pool(Value pool)
    {
        return new CapiShape(CapiValues.string(pool, "kubernetes_version"), CapiValues.integer(pool, "replicas"), false);
    }

    String machines()
    {
        return replicas.map(value -> value + " machine" + (value == 1 ? "" : "s")).orElse("an unknown number of machines");
    }
}
