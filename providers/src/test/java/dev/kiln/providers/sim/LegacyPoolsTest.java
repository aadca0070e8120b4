package dev.kiln.providers.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.executors.apply.ApplyRequest;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.value.Value;
import dev.kiln.planner.plan.Action;
import dev.kiln.planner.spi.RefreshRequest;
import dev.kiln.providers.ResourceSchemas;
import dev.kiln.providers.TestContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A datacenter written when worker pools were part of their cluster's attributes still reads, pools as instances of their own. */
class LegacyPoolsTest
{
    @TempDir
    Path directory;

    @Test
    @DisplayName("A cluster recorded with its pools inside reads without them, and each pool reads from there as its own instance")
    void readsPoolsFromClusterAttributes()
            throws Exception
    {
        SimProvider provider = SimProvider.create(SimSettings.defaults().withSpeed(BigDecimal.valueOf(1_000_000)), directory);
        ResourceAddress cluster = ResourceAddress.of("cluster", "prod");
        Value created = provider.driver("cluster").orElseThrow().apply(new ApplyRequest(TestValues.change(cluster,
                Action.CREATE, Optional.empty(), Optional.of(TestValues.cluster("v1.31.2", 1))), Optional.empty()),
                new TestContext()).newValue().orElseThrow();
        Datacenter datacenter = provider.datacenter();
        SimCluster stored = datacenter.cluster(cluster.toString()).orElseThrow();
        JsonNode legacy = new ObjectMapper().readTree(stored.attributes().toString().replaceFirst("^\\{",
                "{\"worker_pool\": {\"a\": {\"replicas\": 2, \"max_unavailable\": \"1\", \"max_surge\": \"1\"}},"));
        datacenter.put(stored.withAttributes(legacy));
        datacenter.put(new Member(cluster.toString(), "prod-a-0", "a", "100.64.0.1", "", "v1.31.2", Status.READY));
        datacenter.put(new Member(cluster.toString(), "prod-a-1", "a", "100.64.0.2", "", "v1.31.2", Status.READY));

        SimProvider reopened = SimProvider.create(SimSettings.defaults(), directory);
        Optional<Value> observedCluster = reopened.refresher().read(new RefreshRequest(cluster, "sim", TestValues.type("cluster"), created)).observed();
        assertEquals(Optional.of(created), observedCluster);
        ResourceAddress pool = TestValues.pool(cluster, "a");
        Value observed = reopened.refresher().read(new RefreshRequest(pool, "sim", TestValues.type(ResourceSchemas.WORKER_POOL),
                TestValues.applied(TestValues.pool("v1.31.2", 2)))).observed().orElseThrow();
        assertEquals(Optional.of("v1.31.2"), ValueParts.string(observed, "kubernetes_version"));
        assertEquals(Optional.of("v1.31.2"), ValueParts.string(observed, "current_version"));
        assertEquals(Optional.of("running"), ValueParts.string(observed, "status"));
        assertEquals(Optional.of(Value.number(2)), ValueParts.attribute(observed, "replicas"));
        assertTrue(reopened.refresher().read(new RefreshRequest(TestValues.pool(cluster, "b"), "sim", TestValues.type(ResourceSchemas.WORKER_POOL),
                TestValues.applied(TestValues.pool("v1.31.2", 1)))).observed().isEmpty());
    }
}
