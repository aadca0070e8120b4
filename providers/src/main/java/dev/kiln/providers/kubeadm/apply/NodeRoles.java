package dev.kiln.providers.kubeadm.apply;

import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.config.model.Cluster;
import dev.kiln.lang.config.model.Node;
import dev.kiln.lang.config.model.ProviderType;

import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;

/** Which node resources the configuration's kubeadm clusters use as control planes, for the preflight checks of their role. */
public record NodeRoles(Set<ResourceAddress> controlPlanes)
{
    public NodeRoles
    {
        controlPlanes = Set.copyOf(controlPlanes);
    }

    public static NodeRoles of(SortedMap<ResourceAddress, Cluster> clusters, Map<ResourceAddress, Node> nodes)
    {
        TreeSet<ResourceAddress> controlPlanes = new TreeSet<>();
        for (Cluster cluster : clusters.values()) {
            if (cluster.providerType() == ProviderType.KUBEADM) {
                cluster.controlPlane().members().nodes().ifPresent(list -> controlPlanes.addAll(list.nodes()));
            }
        }
        controlPlanes.retainAll(nodes.keySet());
        return new NodeRoles(controlPlanes);
    }

    public boolean isControlPlane(ResourceAddress node)
    {
        return controlPlanes.contains(node);
    }
}
