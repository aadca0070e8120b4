package dev.kiln.planner.diff;

import dev.kiln.lang.config.ConfigLoader;
import dev.kiln.lang.config.LoadResult;
import dev.kiln.lang.config.VariableInputs;
import dev.kiln.lang.value.Value;
import dev.kiln.lang.value.Value;
import dev.kiln.planner.TestStates;
import dev.kiln.planner.graph.PlanGraph;
import dev.kiln.planner.plan.Action;
import dev.kiln.planner.plan.ActionReason;
import dev.kiln.planner.plan.Plan;
import dev.kiln.planner.plan.PlanMode;
import dev.kiln.planner.plan.ResourceChange;
import dev.kiln.planner.spi.Refresher;
import dev.kiln.state.State;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.kiln.planner.TestConfig.address;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Worker pools as instances of their own: {@code cluster.prod.pool["a"]}, planned after their cluster and deleted before it. */
class WorkerPoolPlanTest
{
    private static final String TWO_POOLS = """
            provider "sim" {}

            cluster "prod" {
              kubernetes_version = "v1.31.2"
              control_plane {
                replicas = 1
              }
              worker_pool "a" {
                replicas = 2
              }
              worker_pool "b" {
                replicas = 1
              }
            }
            """;

    @TempDir
    Path directory;

    @Test
    @DisplayName("Each worker_pool block is an instance inside its cluster, created after it, with the cluster's Kubernetes version")
    void poolsAreInstances()
            throws IOException
    {
        PlanResult result = plan(TWO_POOLS, TestStates.empty(), PlanOptions.DEFAULT);
        Plan plan = result.plan().orElseThrow();
        assertEquals(List.of("cluster.prod CREATE", "cluster.prod.pool[\"a\"] CREATE", "cluster.prod.pool[\"b\"] CREATE"), changes(plan));
        PlanGraph graph = result.graph().orElseThrow();
        assertEquals(Set.of(address("cluster.prod")), graph.predecessors(address("cluster.prod.pool[\"a\"]")));
        ResourceChange pool = plan.changes().get(1);
        assertEquals("worker_pool", pool.type());
        assertEquals(Value.string("v1.31.2"), pool.after().orElseThrow().asMapping().orElseThrow().get("kubernetes_version"));
        assertFalse(pool.after().orElseThrow().asMapping().orElseThrow().containsKey("worker_pool"));
        assertFalse(plan.changes().getFirst().after().orElseThrow().asMapping().orElseThrow().containsKey("worker_pool"));
        assertFalse(plan(TWO_POOLS, PlannerTest.applied(plan), PlanOptions.DEFAULT).plan().orElseThrow().changes().stream()
                .anyMatch(change -> change.action().isChange()));
    }

    @Test
    @DisplayName("Removing a worker_pool block deletes that pool's instance alone")
    void removedBlockDeletesPool()
            throws IOException
    {
        State applied = PlannerTest.applied(plan(TWO_POOLS, TestStates.empty(), PlanOptions.DEFAULT).plan().orElseThrow());
        String onePool = TWO_POOLS.replace("""
                  worker_pool "b" {
                    replicas = 1
                  }
                """, "");
        Plan plan = plan(onePool, applied, PlanOptions.DEFAULT).plan().orElseThrow();
        List<ResourceChange> changed = plan.changes().stream().filter(change -> change.action().isChange()).toList();
        assertEquals(List.of("cluster.prod.pool[\"b\"] DELETE"), changed.stream().map(change -> change.address() + " " + change.action()).toList());
        assertEquals(Optional.of(ActionReason.DELETE_BECAUSE_EACH_KEY), changed.getFirst().actionReason());
    }

    @Test
    @DisplayName("Destroying deletes the pools before their cluster")
    void destroyDeletesPoolsFirst()
            throws IOException
    {
        State applied = PlannerTest.applied(plan(TWO_POOLS, TestStates.empty(), PlanOptions.DEFAULT).plan().orElseThrow());
        PlanResult result = plan(TWO_POOLS, applied, PlanOptions.DEFAULT.withMode(PlanMode.DESTROY));
        assertEquals(List.of(Action.DELETE), result.plan().orElseThrow().changes().stream().map(ResourceChange::action).distinct().toList());
        assertEquals(Set.of(address("cluster.prod.pool[\"a\"]"), address("cluster.prod.pool[\"b\"]")),
                result.graph().orElseThrow().predecessors(address("cluster.prod")));
    }

    @Test
    @DisplayName("Targeting a cluster takes its pools along; targeting a pool takes its cluster, not the other pools")
    void targeting()
            throws IOException
    {
        Plan cluster = plan(TWO_POOLS, TestStates.empty(), PlanOptions.DEFAULT.withTargets(Set.of(address("cluster.prod")))).plan().orElseThrow();
        assertEquals(List.of("cluster.prod CREATE", "cluster.prod.pool[\"a\"] CREATE", "cluster.prod.pool[\"b\"] CREATE"), changes(cluster));
        Plan pool = plan(TWO_POOLS, TestStates.empty(), PlanOptions.DEFAULT.withTargets(Set.of(address("cluster.prod.pool[\"a\"]")))).plan().orElseThrow();
        assertEquals(List.of("cluster.prod CREATE", "cluster.prod.pool[\"a\"] CREATE"), changes(pool));
        assertTrue(pool.warnings().stream().noneMatch(warning -> warning.summary().contains("not found")));
    }

    private PlanResult plan(String configuration, State state, PlanOptions options)
            throws IOException
    {
        Files.writeString(directory.resolve("main.kiln.hcl"), configuration);
        LoadResult loaded = ConfigLoader.load(directory, VariableInputs.none(), new RecordedResourceValues(state, LoadedConfigPlanTest.TYPES));
        assertFalse(loaded.hasErrors(), loaded.diagnostics().toString());
        PlanResult result = Planner.plan(new PlanRequest(loaded.config().orElseThrow(), state, LoadedConfigPlanTest.TYPES, options, Refresher.NONE));
        assertFalse(result.hasErrors(), result.diagnostics().toString());
        return result;
    }

    private static List<String> changes(Plan plan)
    {
        return plan.changes().stream().map(change -> change.address() + " " + change.action()).toList();
    }
}
