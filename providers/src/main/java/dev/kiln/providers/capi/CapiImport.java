package dev.kiln.providers.capi;

import dev.kiln.executors.kube.KubeClient;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.value.Value;
import dev.kiln.providers.Importer;

import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code kiln import cluster.NAME NAMESPACE/NAME}: adopts a cluster Cluster API already runs.
 * Kiln names a cluster's objects after the cluster block, in the provider's namespace, so the
 * Cluster must be named as Kiln would name it and live in that namespace; its value is the
 * configured one with what the management cluster holds put over it (version, replicas,
 * endpoint, kubeconfig), and each configured pool whose MachineDeployment exists is adopted
 * with it, so the next plan shows only the differences.
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
    public SortedMap<ResourceAddress, Value> read(ResourceAddress address, String id, SortedMap<ResourceAddress, Value> configured)
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
        TreeMap<ResourceAddress, Value> imported = new TreeMap<>();
        Value cluster = Optional.ofNullable(configured.get(address)).orElseThrow(() -> new IllegalArgumentException(address + " is not configured"));
        Value observed = ClusterValue.observe(cluster, snapshot, ClusterValue.kubeconfig(client, name));
        imported.put(address, KnownValues.fill(observed, observed));
        configured.forEach((child, value) -> {
            if (child.parent().filter(address::equals).isPresent()) {
                Optional.ofNullable(snapshot.deployments().get(PoolNames.deployment(child))).ifPresent(deployment -> {
                    Value pool = ClusterValue.observePool(value, snapshot, deployment);
                    imported.put(child, KnownValues.fill(pool, pool));
                });
            }
        });
        return imported;
    }
}
