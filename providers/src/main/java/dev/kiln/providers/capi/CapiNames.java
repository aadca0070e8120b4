package dev.kiln.providers.capi;

import dev.kiln.lang.addr.InstanceKey;
import dev.kiln.lang.addr.ResourceAddress;

import java.util.Locale;

/**
 * The names of a cluster's main Cluster API objects, for plan steps and for objects of a
 * cluster no longer configured: the Cluster takes the cluster's name (with its instance key),
 * the control plane {@code <cluster>-control-plane}, a pool's MachineDeployment
 * {@code <cluster>-<pool>}, the kubeconfig Secret {@code <cluster>-kubeconfig} — the names
 * the renderer gives them.
 */
final class CapiNames
{
    static final String CLUSTER_NAME_LABEL = "cluster.x-k8s.io/cluster-name";
    static final String DEPLOYMENT_NAME_LABEL = "cluster.x-k8s.io/deployment-name";
    static final String CONTROL_PLANE_LABEL = "cluster.x-k8s.io/control-plane";

    private CapiNames() {}

    static String cluster(ResourceAddress address)
    {
        String suffix = switch (address.key()) {
            case InstanceKey.None ignored -> "";
            case InstanceKey.Index index -> "-" + index.value();
            case InstanceKey.Key key -> "-" + key.value();
        };
        return label(address.name() + suffix);
    }

    static String controlPlane(String cluster)
    {
        return cluster + "-control-plane";
    }

    static String pool(String cluster, String pool)
    {
        return cluster + "-" + label(pool);
    }

    static String kubeconfigSecret(String cluster)
    {
        return cluster + "-kubeconfig";
    }

    private static String label(String text)
    {
        String lower = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("-+", "-");
        String trimmed = lower.replaceAll("^-|-$", "");
        return trimmed.isEmpty() ? "cluster" : trimmed;
    }
}
