package dev.kiln.providers.capi;

import dev.kiln.lang.value.Value;

import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A capi cluster value as planning and applying read it: its Kubernetes version, how many
 * control-plane machines (empty when unknown, or when the cloud runs the control plane), and
 * each worker pool's replicas.
 */
record CapiShape(Optional<String> version, Optional<Integer> controlPlaneReplicas, boolean managedControlPlane, SortedMap<String, Optional<Integer>> pools)
{
    static CapiShape of(Value cluster)
    {
        Optional<Value> controlPlane = CapiValues.attribute(cluster, "control_plane");
        Optional<Integer> replicas = controlPlane.flatMap(block -> CapiValues.integer(block, "replicas"));
        boolean managed = controlPlane.map(block -> CapiValues.attribute(block, "replicas").isEmpty() && CapiValues.attribute(block, "nodes").isEmpty()).orElse(true);
        TreeMap<String, Optional<Integer>> pools = new TreeMap<>();
        CapiValues.mapping(cluster, "worker_pool").forEach((name, pool) -> pools.put(name, CapiValues.integer(pool, "replicas")));
        return new CapiShape(CapiValues.string(cluster, "kubernetes_version"), replicas, managed, pools);
    }

    static String machines(Optional<Integer> count)
    {
        return count.map(value -> value + " machine" + (value == 1 ? "" : "s")).orElse("an unknown number of machines");
    }
}
