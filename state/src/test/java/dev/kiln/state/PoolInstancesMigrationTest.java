package dev.kiln.state;

import dev.kiln.lang.addr.InstanceKey;
import dev.kiln.lang.addr.ResourceAddress;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class PoolInstancesMigrationTest
{
    private static final String FORMAT_ONE = """
            {"format_version": 1, "kiln_version": "0.1.0", "lineage": "3f2a6c1e-8d4b-4a57-9c1e-2b7d5e0f9a13", "serial": 7, "outputs": {},
             "resources": [
              {"address": "cluster.prod[0]", "type": "cluster", "provider": "sim", "status": "ready", "needs_reconciliation": false,
               "created": "2026-11-21T10:00:00Z", "updated": "2026-11-21T10:05:00Z", "dependencies": ["node.w[0]"],
               "attributes": {"kubernetes_version": "v1.31.2", "current_version": "v1.31.2", "status": "running",
                              "worker_pool": {"a": {"replicas": 2, "max_unavailable": "1", "taints": ["secret=x:NoSchedule"]},
                                              "b \\"quoted\\"": {"replicas": 1, "max_unavailable": "1"}}},
               "sensitive_attributes": [[{"attribute": "kubeconfig"}], [{"attribute": "worker_pool"}, {"key": "a"}, {"attribute": "taints"}]]},
              {"address": "node.w[0]", "type": "node", "provider": "sim", "status": "ready", "needs_reconciliation": false,
               "created": "2026-11-21T10:00:00Z", "updated": "2026-11-21T10:00:00Z", "dependencies": [], "attributes": {"address": "10.0.0.1"},
               "sensitive_attributes": []}]}
            """;

    @Test
    @DisplayName("a format-1 state's pools, recorded inside their cluster, read as worker_pool instances of their own")
    void splitsPools()
    {
        State state = StateCodec.standard().decode(FORMAT_ONE, "kiln.state");
        ResourceAddress cluster = new ResourceAddress("cluster", "prod", new InstanceKey.Index(0));
        ResourceAddress poolA = cluster.child("pool", new InstanceKey.Key("a"));
        ResourceAddress poolB = cluster.child("pool", new InstanceKey.Key("b \"quoted\""));
        ResourceAddress node = new ResourceAddress("node", "w", new InstanceKey.Index(0));
        assertEquals(List.of(cluster, poolA, poolB, node), List.copyOf(state.resources().keySet()));
        ResourceInstance recordedCluster = state.resource(cluster).orElseThrow();
        assertFalse(recordedCluster.attributes().has("worker_pool"));
        assertEquals(List.of("kubeconfig"), recordedCluster.sensitivePaths().stream().map(Object::toString).toList());
        ResourceInstance pool = state.resource(poolA).orElseThrow();
        assertEquals("worker_pool", pool.type());
        assertEquals("sim", pool.provider());
        assertEquals("v1.31.2", pool.attributes().path("kubernetes_version").asText());
        assertEquals("running", pool.attributes().path("status").asText());
        assertEquals(2, pool.attributes().path("replicas").asInt());
        assertEquals(List.of("taints"), pool.sensitivePaths().stream().map(Object::toString).toList());
        assertEquals(List.of(cluster, node), pool.dependencies());
        assertEquals(List.of(), state.resource(poolB).orElseThrow().sensitivePaths());
        assertEquals(7, state.serial());
    }
}
