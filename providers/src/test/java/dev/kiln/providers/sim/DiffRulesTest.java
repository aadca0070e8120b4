package dev.kiln.providers.sim;

import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.config.schema.BlockSchema;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;
import dev.kiln.planner.spi.DiffRequest;
import dev.kiln.planner.spi.DiffResponse;
import dev.kiln.providers.ResourceSchemas;
import dev.kiln.state.AttributePath;
import dev.kiln.state.PathStep;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** The simulator's diff rules, as tables: upgrade chains, refused changes, replacement on forcing attributes, steps. */
class DiffRulesTest
{
    private static final ResourceAddress CLUSTER = ResourceAddress.of("cluster", "prod");
    private static final ResourceAddress NODE = ResourceAddress.of("node", "w");
    private static final ResourceAddress POOL = TestValues.pool(CLUSTER, "a");

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            v1.27.3 | v1.27.9 | v1.27.9
            v1.27.3 | v1.28.2 | v1.28.2
            v1.27.3 | v1.29.2 | v1.28.15,v1.29.2
            v1.30.1 | v1.33.1 | v1.31.13,v1.32.9,v1.33.1
            """)
    @DisplayName("An upgrade goes one minor version at a time, each hop a step: the control plane's one node at a time, a pool's in batches")
    void upgradeChains(String from, String to, String hops)
    {
        DiffResponse.Update update = assertInstanceOf(DiffResponse.Update.class, cluster(TestValues.cluster(from, 3), TestValues.cluster(to, 3)));
        DiffResponse.Update poolUpdate = assertInstanceOf(DiffResponse.Update.class, pool(TestValues.pool(from, 4), TestValues.pool(to, 4)));
        List<String> expected = new ArrayList<>();
        List<String> expectedPool = new ArrayList<>();
        String previous = from;
        for (String hop : hops.split(",")) {
            expected.add("upgrade the control plane from " + previous + " to " + hop + ", one node at a time (3 nodes)");
            expectedPool.add("upgrade worker pool \"a\" from " + previous + " to " + hop + " in batches of 2 (4 nodes)");
            previous = hop;
        }
        assertEquals(expected, update.steps());
        assertEquals(expectedPool, poolUpdate.steps());
        assertEquals(Optional.of(Value.unknown(Type.STRING)), ValueParts.attribute(update.planned(), "current_version"));
        assertEquals(Optional.of(Value.unknown(Type.STRING)), ValueParts.attribute(poolUpdate.planned(), "current_version"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            downgrade               | v1.29.2 | 3 | v1.28.15 | 3 | downgrades are not supported: the cluster runs v1.29.2 and cannot go back to v1.28.15        | kubernetes_version
            patch downgrade         | v1.29.2 | 3 | v1.29.1  | 3 | downgrades are not supported: the cluster runs v1.29.2 and cannot go back to v1.29.1         | kubernetes_version
            even control plane      | v1.29.2 | 3 | v1.29.2  | 4 | the control plane needs an odd number of nodes with stacked etcd, not 4: an even count tolerates no more failures than one node fewer | control_plane
            control plane below one | v1.29.2 | 1 | v1.29.2  | 0 | the control plane can't shrink below 1 node                                                  | control_plane
            """)
    @DisplayName("Changes real clusters cannot make are forbidden, with the reason and the attribute responsible")
    void forbidden(String name, String fromVersion, int fromControlPlane, String toVersion, int toControlPlane, String reason, String attribute)
    {
        DiffResponse response = cluster(TestValues.cluster(fromVersion, fromControlPlane), TestValues.cluster(toVersion, toControlPlane));
        DiffResponse.Forbidden forbidden = assertInstanceOf(DiffResponse.Forbidden.class, response);
        assertEquals(reason, forbidden.reason());
        assertEquals(Optional.of(AttributePath.attribute(attribute)), forbidden.attribute());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            v1.29.2 | v1.28.15 | downgrades are not supported: worker pool "a" runs v1.29.2 and cannot go back to v1.28.15
            v1.28.3 | v1.32.1  | worker pool "a" runs v1.28.3, and the control plane is upgraded to v1.32.1 before the pool: its kubelets would lag the API server by 4 minor versions, and Kubernetes allows 3 at v1.32.1. Upgrade the cluster by at most 3 minor versions per apply
            v1.24.3 | v1.27.1  | worker pool "a" runs v1.24.3, and the control plane is upgraded to v1.27.1 before the pool: its kubelets would lag the API server by 3 minor versions, and Kubernetes allows 2 at v1.27.1. Upgrade the cluster by at most 2 minor versions per apply
            """)
    @DisplayName("A pool never goes back, and never falls further behind the control plane than the kubelet version skew allows")
    void poolForbidden(String from, String to, String reason)
    {
        DiffResponse response = pool(TestValues.pool(from, 2), TestValues.pool(to, 2));
        DiffResponse.Forbidden forbidden = assertInstanceOf(DiffResponse.Forbidden.class, response);
        assertEquals(reason, forbidden.reason());
        assertEquals(Optional.of(AttributePath.attribute("kubernetes_version")), forbidden.attribute());
    }

    @Test
    @DisplayName("A pool may lag the control plane by three minor versions from v1.28 on: a three-minor jump to v1.29 is a chain of upgrades")
    void poolWithinSkew()
    {
        DiffResponse.Update update = assertInstanceOf(DiffResponse.Update.class, pool(TestValues.pool("v1.26.3", 2), TestValues.pool("v1.29.2", 2)));
        assertEquals(3, update.steps().size());
    }

    @Test
    @DisplayName("A new cluster is planned as its control plane alone, and a new pool as the nodes joining it")
    void createSteps()
    {
        DiffResponse response = new ClusterDiffRule().diff(new DiffRequest(CLUSTER, "sim", ResourceSchemas.of("cluster"), Optional.empty(),
                Optional.of(TestValues.cluster("v1.31.2", 3))));
        assertEquals(List.of(
                "initialize the control plane on prod-cp-0 with Kubernetes v1.31.2",
                "join to the control plane, one at a time: prod-cp-1, prod-cp-2"), assertInstanceOf(DiffResponse.Create.class, response).steps());
        DiffResponse pool = new WorkerPoolDiffRule().diff(new DiffRequest(POOL, "sim", ResourceSchemas.of(ResourceSchemas.WORKER_POOL), Optional.empty(),
                Optional.of(TestValues.pool("v1.31.2", 5))));
        assertEquals(List.of("join 5 nodes to worker pool \"a\" with Kubernetes v1.31.2"), assertInstanceOf(DiffResponse.Create.class, pool).steps());
    }

    @Test
    @DisplayName("Scaling lists the nodes joined and removed: control-plane nodes one at a time, a pool's in its batches")
    void scalingSteps()
    {
        DiffResponse response = cluster(TestValues.cluster("v1.31.2", 3), TestValues.cluster("v1.31.2", 1));
        assertEquals(List.of("remove from the control plane, one at a time (etcd member first): prod-cp-1, prod-cp-2"),
                assertInstanceOf(DiffResponse.Update.class, response).steps());
        assertEquals(List.of("join to worker pool \"a\": prod-a-2, prod-a-3, prod-a-4, prod-a-5, prod-a-6 and 2 more"),
                assertInstanceOf(DiffResponse.Update.class, pool(TestValues.pool("v1.31.2", 2), TestValues.pool("v1.31.2", 9))).steps());
        assertEquals(List.of("drain and remove from worker pool \"a\" in batches of 2: prod-a-1, prod-a-2"),
                assertInstanceOf(DiffResponse.Update.class, pool(TestValues.pool("v1.31.2", 3), TestValues.pool("v1.31.2", 1))).steps());
    }

    @Test
    @DisplayName("Deleting a pool drains it; deleting a cluster tears down its control plane")
    void deleteSteps()
    {
        DiffResponse response = new ClusterDiffRule().diff(new DiffRequest(CLUSTER, "sim", ResourceSchemas.of("cluster"),
                Optional.of(TestValues.applied(TestValues.cluster("v1.31.2", 3))), Optional.empty()));
        assertEquals(List.of("tear down the control plane (3 nodes) and delete the cluster"), assertInstanceOf(DiffResponse.Delete.class, response).steps());
        DiffResponse pool = new WorkerPoolDiffRule().diff(new DiffRequest(POOL, "sim", ResourceSchemas.of(ResourceSchemas.WORKER_POOL),
                Optional.of(TestValues.applied(TestValues.pool("v1.31.2", 2))), Optional.empty()));
        assertEquals(List.of("drain and remove worker pool \"a\" (2 nodes)"), assertInstanceOf(DiffResponse.Delete.class, pool).steps());
    }

    @Test
    @DisplayName("A changed pod network replaces the cluster")
    void replacesOnPodNetwork()
    {
        Value cluster = TestValues.cluster("v1.31.2", 1);
        BlockSchema networkSchema = ResourceSchemas.of("cluster").block().blocks().get("network").schema();
        Value prior = TestValues.with(cluster, "network", TestValues.block(networkSchema, Map.of("pod_cidr", Value.string("10.1.0.0/16")), false));
        Value desired = TestValues.with(cluster, "network", TestValues.block(networkSchema, Map.of("pod_cidr", Value.string("10.2.0.0/16")), false));
        DiffResponse.Replace replace = assertInstanceOf(DiffResponse.Replace.class, cluster(prior, desired));
        assertEquals(List.of(AttributePath.of(new PathStep.Attribute("network"), new PathStep.Attribute("pod_cidr"))), replace.forcedBy());
        assertEquals("tear down the control plane (1 node) and delete the cluster", replace.steps().getFirst());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            new address    | 10.0.0.2 | a | replace | power off and delete the machine at 10.0.0.1;provision the machine at 10.0.0.2;install the container runtime and kubelet
            new label      | 10.0.0.1 | b | update  | update labels on the machine at 10.0.0.1
            nothing new    | 10.0.0.1 | a | no-op   |
            """)
    @DisplayName("A node is replaced when its address changes and updated in place otherwise")
    void nodeChanges(String name, String address, String label, String action, String steps)
    {
        Value prior = TestValues.node("10.0.0.1", Map.of("role", "a"));
        DiffResponse response = new NodeDiffRule().diff(new DiffRequest(NODE, "sim", ResourceSchemas.of("node"), Optional.of(TestValues.applied(prior)),
                Optional.of(TestValues.applied(TestValues.node(address, Map.of("role", label))))));
        List<String> expectedSteps = steps == null ? List.of() : List.of(steps.split(";"));
        switch (action) {
            case "replace" -> assertEquals(expectedSteps, assertInstanceOf(DiffResponse.Replace.class, response).steps());
            case "update" -> assertEquals(expectedSteps, assertInstanceOf(DiffResponse.Update.class, response).steps());
            default -> assertInstanceOf(DiffResponse.NoOp.class, response);
        }
    }

    /** Plans from a recorded pool to a configured one, as {@link #cluster} does. */
    private static DiffResponse pool(Value prior, Value desired)
    {
        return new WorkerPoolDiffRule().diff(new DiffRequest(POOL, "sim", ResourceSchemas.of(ResourceSchemas.WORKER_POOL), Optional.of(TestValues.applied(prior)),
                Optional.of(TestValues.applied(desired))));
    }

    /** Plans from a recorded cluster to a configured one whose computed attributes come from the record, as the planner passes them. */
    private static DiffResponse cluster(Value prior, Value desired)
    {
        return new ClusterDiffRule().diff(new DiffRequest(CLUSTER, "sim", ResourceSchemas.of("cluster"), Optional.of(TestValues.applied(prior)),
                Optional.of(TestValues.applied(desired))));
    }
}
