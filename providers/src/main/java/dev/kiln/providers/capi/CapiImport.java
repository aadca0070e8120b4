package dev.kiln.providers.capi;

import dev.kiln.executors.kube.KubeClient;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.value.Value;
import dev.kiln.providers.Importer;

import java.util.Optional;

/**
 * {@code kiln import cluster.NAME NAMESPACE/NAME}: adopts a cluster Cluster API already runs.
 * Kiln names a cluster's objects after the cluster block, in the provider's namespace, so the
 * Cluster must be named as Kiln would name it and live in that namespace; its value is the
 * configured one with what the management cluster holds put over it (versions, replicas,
 * pools, endpoint, kubeconfig), so the next plan shows only the differences.
 */
final class CapiImport
        implements Importer
{
    private final ManagementCluster management;

    CapiImport(ManagementCluster management)
    {
        this.management = management;
    }

    @Override
    public Value read(ResourceAddress address, String id, Value configured)
    {
        int slash = id.indexOf('/');
        if (slash <= 0 || slash == id.length() - 1 || id.indexOf('/', slash + 1) >= 0) {
            throw new IllegalArgumentException("\"" + id + "\" is not NAMESPACE/NAME: give the namespace and name of the Cluster object, such as default/capi-quickstart");
        }
        String namespace = id.substring(0, slash);
        String name = id.substring(slash + 1);
        String expected = CapiNames.cluster(address);
        if (!namespace.equals(management.namespace()) || !name.equals(expected)) {
            throw new IllegalArgumentException(address + " names its Cluster API objects " + management.namespace() + "/" + expected
                    + " (the provider's namespace and the cluster block's name), not " + id
                    + ". Name the cluster block after the Cluster (cluster \"" + name + "\" {...}) and set namespace = \"" + namespace + "\" in the provider block.");
        }
        KubeClient client = management.client();
        ClusterSnapshot snapshot = ClusterSnapshot.read(client, management.version(), name);
        if (snapshot.cluster().isEmpty()) {
            throw new IllegalArgumentException("there is no Cluster " + id + " in the management cluster of provider " + management.settings().name());
        }
        Value observed = ClusterValue.observe(configured, snapshot, ClusterValue.kubeconfig(client, name));
        Value withPools = observed;
        for (String pool : CapiValues.mapping(configured, "worker_pool").keySet()) {
            if (!snapshot.deployments().containsKey(pool)) {
                withPools = CapiValues.withEntry(withPools, "worker_pool", pool, Optional.empty());
            }
        }
        return KnownValues.fill(withPools, withPools);
    }
}
