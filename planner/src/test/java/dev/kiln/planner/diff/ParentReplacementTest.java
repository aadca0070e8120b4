package dev.kiln.planner.diff;

import dev.kiln.lang.config.ConfigLoader;
import dev.kiln.lang.config.LoadResult;
import dev.kiln.lang.config.VariableInputs;
import dev.kiln.lang.value.Value;
import dev.kiln.planner.Golden;
import dev.kiln.planner.TestStates;
import dev.kiln.planner.graph.PlanGraph;
import dev.kiln.planner.plan.Action;
import dev.kiln.planner.plan.ActionReason;
import dev.kiln.planner.plan.Plan;
import dev.kiln.planner.plan.ResourceChange;
import dev.kiln.planner.render.JsonRenderer;
import dev.kiln.planner.render.Style;
import dev.kiln.planner.render.TextRenderer;
import dev.kiln.planner.spi.Refresher;
import dev.kiln.planner.spi.ResourceSchema;
import dev.kiln.planner.spi.ResourceType;
import dev.kiln.planner.spi.ResourceTypes;
import dev.kiln.state.AttributePath;
import dev.kiln.state.PathStep;
import dev.kiln.state.State;
import org.junit.jupiter.api.BeforeEach;
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

/** A replaced cluster takes its worker pools along: each is planned as replaced with it, after it. */
class ParentReplacementTest
{
    private static final String TWO_POOLS = """
            provider "sim" {}

            cluster "prod" {
              kubernetes_version = "v1.31.2"
              control_plane {
                replicas = 1
              }
              network {
                pod_cidr = "10.244.0.0/16"
              }
              worker_pool "a" {
                replicas = 2
              }
              worker_pool "b" {
                replicas = 1
              }
            }
            """;

    /** Kiln's types with the cluster's pod network forcing replacement, as the providers declare it. */
    private static final ResourceTypes FORCING = ResourceTypes.of(LoadedConfigPlanTest.TYPES.names().stream()
            .map(name -> LoadedConfigPlanTest.TYPES.find(name).orElseThrow())
            .map(type -> type.name().equals("cluster")
                    ? new ResourceType(type.name(), ResourceSchema.of(type.schema().block(),
                            AttributePath.of(new PathStep.Attribute("network"), new PathStep.Attribute("pod_cidr"))), type.diffRule())
                    : type)
            .toList());

    @TempDir
    Path directory;

    private State applied;

    @BeforeEach
    void applyTwoPools()
            throws IOException
    {
        applied = PlannerTest.applied(plan(TWO_POOLS, TestStates.empty(), PlanOptions.DEFAULT).plan().orElseThrow());
    }

    @Test
    @DisplayName("Changing an attribute that forces the cluster's replacement replaces every pool with it, after it")
    void forcedReplacementCascades()
            throws IOException
    {
        PlanResult result = plan(TWO_POOLS.replace("10.244.0.0/16", "10.250.0.0/16"), applied, PlanOptions.DEFAULT);
        Plan plan = result.plan().orElseThrow();
        assertEquals(List.of(
                "cluster.prod REPLACE replace_because_cannot_update",
                "cluster.prod.pool[\"a\"] REPLACE replace_because_parent_replaced",
                "cluster.prod.pool[\"b\"] REPLACE replace_because_parent_replaced"), changes(plan));
        PlanGraph graph = result.graph().orElseThrow();
        assertEquals(Set.of(address("cluster.prod")), graph.predecessors(address("cluster.prod.pool[\"a\"]")));
        assertEquals(Set.of(address("cluster.prod.pool[\"a\"]"), address("cluster.prod.pool[\"b\"]")), graph.successors(address("cluster.prod")));
        Golden.assertMatches("replace-cascade.txt", TextRenderer.render(plan, Style.PLAIN));
        Golden.assertMatches("replace-cascade.json", JsonRenderer.render(plan));
    }

    @Test
    @DisplayName("-replace of a cluster replaces its pools too; -replace of one pool replaces that pool alone")
    void requestedReplacement()
            throws IOException
    {
        Plan cluster = plan(TWO_POOLS, applied, PlanOptions.DEFAULT.withReplace(Set.of(address("cluster.prod")))).plan().orElseThrow();
        assertEquals(List.of(
                "cluster.prod REPLACE replace_by_request",
                "cluster.prod.pool[\"a\"] REPLACE replace_because_parent_replaced",
                "cluster.prod.pool[\"b\"] REPLACE replace_because_parent_replaced"), changes(cluster));
        assertTrue(TextRenderer.render(cluster, Style.PLAIN).contains("# cluster.prod.pool[\"a\"] must be replaced (its cluster is replaced)"));
        Plan pool = plan(TWO_POOLS, applied, PlanOptions.DEFAULT.withReplace(Set.of(address("cluster.prod.pool[\"a\"]")))).plan().orElseThrow();
        assertEquals(List.of("cluster.prod.pool[\"a\"] REPLACE replace_by_request"), changes(pool));
    }

    @Test
    @DisplayName("A pool replaced with its cluster keeps its own changes planned and its computed attributes unknown")
    void cascadedPoolIsPlannedAfresh()
            throws IOException
    {
        String scaled = TWO_POOLS.replace("10.244.0.0/16", "10.250.0.0/16").replace("replicas = 2", "replicas = 3");
        Plan plan = plan(scaled, applied, PlanOptions.DEFAULT).plan().orElseThrow();
        ResourceChange pool = plan.changes().stream().filter(change -> change.address().equals(address("cluster.prod.pool[\"a\"]"))).findFirst().orElseThrow();
        assertEquals(Action.REPLACE, pool.action());
        assertEquals(Optional.of(ActionReason.REPLACE_BECAUSE_PARENT_REPLACED), pool.actionReason());
        assertEquals(Value.number(3), pool.after().orElseThrow().asMapping().orElseThrow().get("replicas"));
    }

    private PlanResult plan(String configuration, State state, PlanOptions options)
            throws IOException
    {
        Files.writeString(directory.resolve("main.kiln.hcl"), configuration);
        LoadResult loaded = ConfigLoader.load(directory, VariableInputs.none(), new RecordedResourceValues(state, FORCING));
        assertFalse(loaded.hasErrors(), loaded.diagnostics().toString());
        PlanResult result = Planner.plan(new PlanRequest(loaded.config().orElseThrow(), state, FORCING, options, Refresher.NONE));
        assertFalse(result.hasErrors(), result.diagnostics().toString());
        return result;
    }

    private static List<String> changes(Plan plan)
    {
        return plan.changes().stream()
                .filter(change -> change.action().isChange())
                .map(change -> change.address() + " " + change.action() + change.actionReason().map(reason -> " " + reason.jsonName()).orElse(""))
                .toList();
    }
}
