package dev.kiln.planner.graph;

import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.config.Config;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.value.Value;
import dev.kiln.planner.PlanScenarios;
import dev.kiln.planner.TestConfig;
import dev.kiln.planner.TestStates;
import dev.kiln.planner.TestTypes;
import dev.kiln.state.State;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static dev.kiln.planner.TestConfig.address;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlanGraphBuilderTest
{
    private static final Map<String, Value> NODE = PlanScenarios.node("10.0.0.1", "core");

    @Test
    @DisplayName("A recorded instance the configuration no longer has becomes a deletion; configured ones do not")
    void orphans()
    {
        Config config = TestConfig.builder().resource("node.a", NODE).build();
        State state = TestStates.builder().instance(TestTypes.NODE, "node.a", NODE).instance(TestTypes.NODE, "node.old", NODE).build();
        PlanGraph graph = build(config, state, false).graph();
        assertEquals(addresses("node.a", "node.old"), graph.addresses());
        assertTrue(graph.deletes(address("node.old")));
        assertFalse(graph.deletes(address("node.a")));
    }

    @Test
    @DisplayName("A reference to all instances depends on every instance; a keyed reference on that instance only")
    void references()
    {
        Config config = PlanScenarios.nodes("10.0.0.10", "10.0.0.11", "10.0.0.12")
                .resource("cluster.all", Map.of("kubernetes_version", Value.string("v1.29.4")), "node.w[*]")
                .resource("cluster.one", Map.of("kubernetes_version", Value.string("v1.29.4")), "node.w[1]")
                .resource("cluster.whole", Map.of("kubernetes_version", Value.string("v1.29.4")), "node.w")
                .build();
        PlanGraph graph = build(config, TestStates.empty(), false).graph();
        assertEquals(addresses("node.w[0]", "node.w[1]", "node.w[2]"), graph.predecessors(address("cluster.all")));
        assertEquals(addresses("node.w[1]"), graph.predecessors(address("cluster.one")));
        assertEquals(addresses("node.w[0]", "node.w[1]", "node.w[2]"), graph.predecessors(address("cluster.whole")));
        assertEquals(addresses("cluster.all", "cluster.one", "cluster.whole"), graph.successors(address("node.w[1]")));
        assertEquals(addresses("node.w[1]"), graph.dependencies(address("cluster.one")));
    }

    @Test
    @DisplayName("depends_on and dependencies found only at resource level (through locals or count) become edges to every instance")
    void dependsOnAndResourceLevelDependencies()
    {
        Config config = PlanScenarios.nodes("10.0.0.10", "10.0.0.11")
                .resource("node.gateway", NODE, Map.of(), List.of(), List.of("node.w[0]"))
                .resource("cluster.prod", Map.of("kubernetes_version", Value.string("v1.29.4")))
                .resourceDependency("cluster.prod", "node.w")
                .build();
        PlanGraph graph = build(config, TestStates.empty(), false).graph();
        assertEquals(addresses("node.w[0]"), graph.predecessors(address("node.gateway")));
        assertEquals(addresses("node.w[0]", "node.w[1]"), graph.predecessors(address("cluster.prod")));
    }

    @Test
    @DisplayName("Instances that use a provider depend on the resources the provider's configuration references")
    void providerReferences()
    {
        Config config = TestConfig.builder()
                .resource("cluster.mgmt", Map.of("kubernetes_version", Value.string("v1.29.4")))
                .resource("cluster.workload", Map.of("kubernetes_version", Value.string("v1.29.4")))
                .resource("node.other", NODE)
                .provider("capi", Optional.of("mgmt"), Map.of("kubeconfig", Value.string("x")), "cluster.mgmt")
                .providerOf("cluster.workload", "capi.mgmt")
                .build();
        PlanGraph graph = build(config, TestStates.empty(), false).graph();
        assertEquals(addresses("cluster.mgmt"), graph.predecessors(address("cluster.workload")));
        assertEquals(Set.of(), graph.predecessors(address("node.other")));
        assertEquals(Set.of(), graph.predecessors(address("cluster.mgmt")));
    }

    @Test
    @DisplayName("An instance without provider argument depends on what its provider references: the provider recorded for it, else the only one without alias")
    void providerReferencesOfTheInstanceProvider()
    {
        Map<String, Value> cluster = Map.of("kubernetes_version", Value.string("v1.29.4"));
        Config config = TestConfig.builder()
                .resource("cluster.mgmt", cluster)
                .resource("cluster.moved", cluster)
                .resource("cluster.fresh", cluster)
                .provider("capi", Optional.empty(), Map.of("kubeconfig", Value.string("x")), "cluster.mgmt")
                .provider("sim", Optional.of("fast"), Map.of())
                .providerOf("cluster.mgmt", "sim.fast")
                .build();
        State state = TestStates.builder().instance(TestTypes.CLUSTER, "cluster.moved", cluster).recordedBy("cluster.moved", "sim.fast").build();
        PlanGraph graph = build(config, state, false).graph();
        assertEquals(addresses("cluster.mgmt"), graph.predecessors(address("cluster.fresh")));
        assertEquals(Set.of(), graph.predecessors(address("cluster.moved")));
        assertEquals(Set.of(), graph.predecessors(address("cluster.mgmt")));
    }

    @Test
    @DisplayName("Deletions run after the deletions of what depended on them: a destroy plan inverts every edge")
    void destroyInvertsEdges()
    {
        Config config = PlanScenarios.clusterConfig("v1.27.3", "core").build();
        State state = TestStates.builder()
                .instance(TestTypes.NODE, "node.w[0]", NODE)
                .instance(TestTypes.NODE, "node.w[1]", NODE)
                .instance(TestTypes.CLUSTER, "cluster.prod", Map.of("kubernetes_version", Value.string("v1.27.3")), "node.w[0]", "node.w[1]")
                .build();
        PlanGraph normal = build(config, state, false).graph();
        assertEquals(addresses("cluster.prod"), normal.successors(address("node.w[0]")));
        PlanGraph destroy = build(config, state, true).graph();
        assertEquals(addresses("node.w[0]", "node.w[1]"), destroy.successors(address("cluster.prod")));
        assertEquals(Set.of(), destroy.successors(address("node.w[0]")));
        assertTrue(destroy.addresses().stream().allMatch(destroy::deletes));
    }

    @Test
    @DisplayName("An orphan is deleted after the deletion of orphans that depended on it, and after updates of what it depended on")
    void orphanOrdering()
    {
        Config config = TestConfig.builder().resource("node.a", NODE).build();
        State state = TestStates.builder()
                .instance(TestTypes.NODE, "node.a", NODE)
                .instance(TestTypes.NODE, "node.old", NODE, "node.a")
                .instance(TestTypes.CLUSTER, "cluster.old", Map.of("kubernetes_version", Value.string("v1.27.3")), "node.old")
                .build();
        PlanGraph graph = build(config, state, false).graph();
        assertEquals(addresses("node.old"), graph.successors(address("cluster.old")));
        assertEquals(addresses("cluster.old", "node.a"), graph.predecessors(address("node.old")));
        assertEquals(addresses("node.old"), graph.successors(address("node.a")));
    }

    @Test
    @DisplayName("A cycle is an error naming every address on it, and nothing else")
    void cycle()
    {
        State state = TestStates.builder()
                .instance(TestTypes.NODE, "node.a", NODE, "node.b")
                .instance(TestTypes.NODE, "node.b", NODE, "node.c")
                .instance(TestTypes.NODE, "node.c", NODE, "node.a")
                .instance(TestTypes.NODE, "node.z", NODE, "node.a")
                .build();
        GraphResult result = build(TestConfig.builder().build(), state, false);
        assertTrue(result.hasErrors());
        assertEquals(1, result.diagnostics().size());
        Diagnostic cycle = result.diagnostics().getFirst();
        assertEquals("Cycle in resource dependencies", cycle.summary());
        assertTrue(cycle.detail().contains("node.a, node.b, node.c."), cycle.detail());
        assertFalse(cycle.detail().contains("node.z"), cycle.detail());
    }

    @Test
    @DisplayName("Closures follow what targets reference, or what references them")
    void closures()
    {
        PlanGraph graph = build(PlanScenarios.clusterConfig("v1.29.4", "core").resource("node.x", NODE).build(), TestStates.empty(), false).graph();
        assertEquals(addresses("cluster.prod", "node.w[0]", "node.w[1]"), graph.withDependencies(List.of(address("cluster.prod"))));
        assertEquals(addresses("cluster.prod", "node.w[0]"), graph.withDependents(List.of(address("node.w[0]"))));
    }

    private static GraphResult build(Config config, State state, boolean destroy)
    {
        return PlanGraphBuilder.build(new GraphInput(config, state, destroy));
    }

    private static Set<ResourceAddress> addresses(String... addresses)
    {
        return List.of(addresses).stream().map(TestConfig::address).collect(Collectors.toCollection(TreeSet::new));
    }
}
