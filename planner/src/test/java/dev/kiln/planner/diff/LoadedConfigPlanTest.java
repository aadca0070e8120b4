package dev.kiln.planner.diff;

import dev.kiln.lang.config.ConfigLoader;
import dev.kiln.lang.config.LoadResult;
import dev.kiln.lang.config.ResourceValues;
import dev.kiln.lang.config.VariableInputs;
import dev.kiln.lang.config.model.KilnSchemas;
import dev.kiln.lang.config.schema.AttributeSchema;
import dev.kiln.lang.config.schema.BlockSchema;
import dev.kiln.lang.config.schema.NestedBlockSchema;
import dev.kiln.lang.value.Type;
import dev.kiln.planner.TestStates;
import dev.kiln.planner.graph.PlanGraph;
import dev.kiln.planner.plan.Action;
import dev.kiln.planner.plan.Plan;
import dev.kiln.planner.plan.ResourceChange;
import dev.kiln.planner.render.Style;
import dev.kiln.planner.render.TextRenderer;
import dev.kiln.planner.spi.Refresher;
import dev.kiln.planner.spi.ResourceSchema;
import dev.kiln.planner.spi.ResourceType;
import dev.kiln.planner.spi.ResourceTypes;
import dev.kiln.state.State;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.kiln.planner.TestConfig.address;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Plans configurations loaded by the language's loader, with Kiln's own resource schemas and the standard diff. */
class LoadedConfigPlanTest
{
    /** Kiln's resource types as the providers define them: a cluster without its worker_pool blocks, which are worker_pool instances. */
    static final ResourceTypes TYPES = ResourceTypes.of(Stream.concat(
            KilnSchemas.resourceTypes().stream().map(type -> new ResourceType(type, ResourceSchema.of(type.equals("cluster")
                    ? withoutPools(KilnSchemas.topLevel(type, List.of("x")).orElseThrow())
                    : KilnSchemas.topLevel(type, List.of("x")).orElseThrow()), StandardDiffRule.INSTANCE)),
            Stream.of(new ResourceType("worker_pool", ResourceSchema.of(pool(KilnSchemas.topLevel("cluster", List.of("x")).orElseThrow()
                    .blocks().get("worker_pool").schema())), StandardDiffRule.INSTANCE)))
            .toList());

    private static final String CONFIG = """
            node "w" {
              count   = 2
              address = "10.0.0.${10 + count.index}"
            }

            node "zone" {
              for_each = { a = "10.0.1.1", b = "10.0.1.2" }
              address  = each.value
              labels   = { peer = node.w[0].address }
            }
            """;

    @TempDir
    Path directory;

    @Test
    @DisplayName("Expanded instances and their references from a loaded configuration are planned in dependency order, then converge")
    void plansLoadedConfiguration()
            throws IOException
    {
        Files.writeString(directory.resolve("main.kiln.hcl"), CONFIG);
        PlanResult first = plan(TestStates.empty());
        Plan plan = first.plan().orElseThrow();
        assertEquals(List.of("node.w[0]", "node.w[1]", "node.zone[\"a\"]", "node.zone[\"b\"]"),
                plan.changes().stream().map(change -> change.address().toString()).toList());
        assertEquals(List.of(Action.CREATE), plan.changes().stream().map(ResourceChange::action).distinct().toList());
        PlanGraph graph = first.graph().orElseThrow();
        assertEquals(List.of(address("node.w[0]")), List.copyOf(graph.predecessors(address("node.zone[\"a\"]"))));
        State applied = PlannerTest.applied(plan);
        Plan second = plan(applied).plan().orElseThrow();
        assertFalse(second.hasChanges(), () -> second.changes().toString());
    }

    @Test
    @DisplayName("The quick start example plans every instance as a creation, the cluster after its control-plane nodes, its pool after "
            + "the cluster and the workers, and converges once recorded")
    void plansQuickStart()
    {
        Path quickstart = Path.of("..", "examples", "quickstart");
        PlanResult first = plan(quickstart, TestStates.empty());
        Plan plan = first.plan().orElseThrow();
        assertEquals(List.of(Action.CREATE), plan.changes().stream().map(ResourceChange::action).distinct().toList());
        PlanGraph graph = first.graph().orElseThrow();
        assertEquals(List.of(address("node.control[0]")), List.copyOf(graph.predecessors(address("cluster.demo"))));
        assertEquals(List.of(address("cluster.demo"), address("node.worker[\"w1\"]"), address("node.worker[\"w2\"]")),
                List.copyOf(graph.predecessors(address("cluster.demo.pool[\"default\"]"))));
        Plan second = plan(quickstart, PlannerTest.applied(plan)).plan().orElseThrow();
        assertFalse(second.changes().stream().anyMatch(change -> change.action().isChange()), () -> TextRenderer.render(second, Style.PLAIN));
    }

    private static BlockSchema withoutPools(BlockSchema cluster)
    {
        Map<String, NestedBlockSchema> blocks = new LinkedHashMap<>(cluster.blocks());
        blocks.remove("worker_pool");
        return new BlockSchema(cluster.labelNames(), cluster.attributes(), blocks);
    }

    private static BlockSchema pool(BlockSchema pool)
    {
        Map<String, AttributeSchema> attributes = new LinkedHashMap<>(pool.attributes());
        attributes.put("kubernetes_version", AttributeSchema.optional("kubernetes_version", Type.STRING, "The cluster's version."));
        return new BlockSchema(pool.labelNames(), attributes, pool.blocks());
    }

    private PlanResult plan(State state)
    {
        return plan(directory, state);
    }

    private static PlanResult plan(Path directory, State state)
    {
        LoadResult loaded = ConfigLoader.load(directory, VariableInputs.none(), recorded(state));
        assertFalse(loaded.hasErrors(), loaded.diagnostics().toString());
        PlanResult result = Planner.plan(new PlanRequest(loaded.config().orElseThrow(), state, TYPES, PlanOptions.DEFAULT, Refresher.NONE));
        assertFalse(result.hasErrors(), result.diagnostics().toString());
        return result;
    }

    private static ResourceValues recorded(State state)
    {
        return new RecordedResourceValues(state, TYPES);
    }
}
