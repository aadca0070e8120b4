package dev.kiln.providers.capi;

import dev.kiln.lang.addr.InstanceKey;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;
import dev.kiln.planner.spi.DiffRequest;
import dev.kiln.planner.spi.DiffResponse;
import dev.kiln.providers.ResourceSchemas;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class CapiDiffRuleTest
{
    private static final ResourceAddress CLUSTER = ResourceAddress.of("cluster", "prod");
    private static final ResourceAddress POOL = CLUSTER.child("pool", new InstanceKey.Key("md-0"));

    static Value cluster(String version, int replicas)
    {
        TreeMap<String, Value> attributes = new TreeMap<>();
        ResourceSchemas.of("cluster").impliedType().attributes().forEach((name, type) -> attributes.put(name, Value.nullOf(type)));
        attributes.put("kubernetes_version", Value.string(version));
        attributes.put("control_plane", Value.object(Map.of("replicas", Value.number(replicas))));
        attributes.put("status", Value.string("running"));
        attributes.put("current_version", Value.string(version));
        return Value.object(attributes);
    }

    static Value pool(String version, int replicas)
    {
        TreeMap<String, Value> attributes = new TreeMap<>();
        ResourceSchemas.of("worker_pool").impliedType().attributes().forEach((name, type) -> attributes.put(name, Value.nullOf(type)));
        attributes.put("kubernetes_version", Value.string(version));
        attributes.put("replicas", Value.number(replicas));
        return Value.object(attributes);
    }

    static DiffResponse diff(ResourceAddress address, Optional<Value> prior, Optional<Value> desired)
    {
        CapiDiffRule rule = address.isChild() ? CapiDiffRule.pool("clusters") : CapiDiffRule.cluster("clusters");
        return rule.diff(new DiffRequest(address, "capi", ResourceSchemas.of(address.type()), prior, desired));
    }

    @Test
    @DisplayName("a new cluster applies its Cluster and control plane and waits for them; a new pool its MachineDeployment")
    void create()
    {
        DiffResponse.Create cluster = assertInstanceOf(DiffResponse.Create.class, diff(CLUSTER, Optional.empty(), Optional.of(cluster("v1.30.4", 3))));
        assertEquals(List.of(
                "apply Cluster clusters/prod and KubeadmControlPlane clusters/prod-control-plane (3 machines, Kubernetes v1.30.4)",
                "wait until Cluster API reports the cluster provisioned and its control plane ready"), cluster.steps());
        DiffResponse.Create pool = assertInstanceOf(DiffResponse.Create.class, diff(POOL, Optional.empty(), Optional.of(pool("v1.30.4", 2))));
        assertEquals(List.of("apply MachineDeployment clusters/prod-md-0 of pool \"md-0\" (2 machines, Kubernetes v1.30.4)",
                "wait until every machine of the pool is ready"), pool.steps());
    }

    @Test
    @DisplayName("an upgrade across two minors is a chain of one-minor steps, control plane and pool alike, and the status is known only after apply")
    void upgradeChain()
    {
        DiffResponse.Update cluster = assertInstanceOf(DiffResponse.Update.class, diff(CLUSTER, Optional.of(cluster("v1.29.4", 3)), Optional.of(cluster("v1.31.2", 3))));
        assertEquals(List.of(
                "upgrade the control plane from v1.29.4 to v1.30.14 and wait until every machine runs it",
                "upgrade the control plane from v1.30.14 to v1.31.2 and wait until every machine runs it",
                "wait until Cluster API reports the control plane ready and up to date"), cluster.steps());
        assertEquals(Value.unknown(Type.STRING), cluster.planned().asMapping().orElseThrow().get("status"));
        DiffResponse.Update pool = assertInstanceOf(DiffResponse.Update.class, diff(POOL, Optional.of(pool("v1.29.4", 2)), Optional.of(pool("v1.31.2", 3))));
        assertEquals(List.of(
                "upgrade pool \"md-0\" from v1.29.4 to v1.30.14 and wait until every machine runs it",
                "upgrade pool \"md-0\" from v1.30.14 to v1.31.2 and wait until every machine runs it",
                "scale pool \"md-0\" from 2 machines to 3 machines",
                "wait until every machine of the pool is ready and up to date"), pool.steps());
    }

    @ParameterizedTest(name = "{0} → {1}, {2} control-plane machines: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            v1.30.4 | v1.29.4 | 3 | downgrades are not supported: the cluster runs v1.30.4 and cannot go back to v1.29.4
            v1.30.4 | v1.30.4 | 2 | the control plane needs an odd number of machines with stacked etcd, not 2: an even count tolerates no more failures than one machine fewer
            v1.30.4 | v1.30.4 | 0 | a Cluster API control plane needs at least 1 machine
            """)
    @DisplayName("changes Cluster API cannot make are forbidden with the reason")
    void forbidden(String from, String to, int replicas, String reason)
    {
        DiffResponse.Forbidden forbidden = assertInstanceOf(DiffResponse.Forbidden.class,
                diff(CLUSTER, Optional.of(cluster(from, 3)), Optional.of(cluster(to, replicas))));
        assertEquals(reason, forbidden.reason());
    }

    @Test
    @DisplayName("deleting a cluster deletes its Cluster and waits; an unchanged cluster is a no-op")
    void deleteAndNoOp()
    {
        DiffResponse.Delete delete = assertInstanceOf(DiffResponse.Delete.class, diff(CLUSTER, Optional.of(cluster("v1.30.4", 3)), Optional.empty()));
        assertEquals(List.of("delete Cluster clusters/prod and wait until Cluster API has removed its machines and objects"), delete.steps());
        assertInstanceOf(DiffResponse.NoOp.class, diff(CLUSTER, Optional.of(cluster("v1.30.4", 3)), Optional.of(cluster("v1.30.4", 3))));
    }
}
