package dev.kiln.planner.graph;

import dev.kiln.lang.addr.InstanceKey;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.ast.Block;
import dev.kiln.lang.ast.Traversal;
import dev.kiln.lang.config.Config;
import dev.kiln.lang.config.model.Model;
import dev.kiln.lang.config.schema.DecodedAttribute;
import dev.kiln.lang.config.schema.DecodedBlock;
import dev.kiln.lang.config.schema.DecodedInstance;
import dev.kiln.lang.diag.SourceRange;
import dev.kiln.lang.value.Value;
import dev.kiln.lang.addr.Reference;
import dev.kiln.planner.TestStates;
import dev.kiln.planner.TestTypes;
import dev.kiln.planner.diff.PlanOptions;
import dev.kiln.planner.diff.PlanRequest;
import dev.kiln.planner.diff.PlanResult;
import dev.kiln.planner.diff.Planner;
import dev.kiln.planner.plan.Action;
import dev.kiln.planner.spi.Refresher;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class LargeGraphTest
{
    private static final int NODES = 100_000;
    private static final SourceRange RANGE = SourceRange.synthetic("main.kiln.hcl");

    @Test
    @DisplayName("A configuration of 100,000 node instances and a cluster over all of them builds its graph and plans")
    void hundredThousandInstances()
    {
        List<DecodedInstance> instances = new ArrayList<>(NODES + 1);
        for (int index = 0; index < NODES; index++) {
            ResourceAddress address = new ResourceAddress("node", "w", new InstanceKey.Index(index));
            instances.add(instance(address, Map.of("address", new DecodedAttribute("address", Value.string("10.0." + index), true, RANGE))));
        }
        Reference all = new Reference(ResourceAddress.of("node", "w"), true, new Traversal(List.of()), RANGE);
        instances.add(instance(ResourceAddress.of("cluster", "big"),
                Map.of("kubernetes_version", new DecodedAttribute("kubernetes_version", Value.string("v1.29.4"), true, RANGE, List.of(all)))));
        Config config = new Config(new TreeMap<>(), new TreeMap<>(), new TreeMap<>(),
                new Model(Optional.empty(), List.of(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>()),
                instances, new TreeMap<>(), List.of(), "hash");
        GraphResult graph = PlanGraphBuilder.build(new GraphInput(config, TestStates.empty(), false));
        assertFalse(graph.hasErrors());
        assertEquals(NODES + 1, graph.graph().size());
        assertEquals(NODES, graph.graph().edgeCount());
        PlanResult plan = Planner.plan(new PlanRequest(config, TestStates.empty(), TestTypes.ALL, PlanOptions.DEFAULT.withRefresh(false), Refresher.NONE));
        assertFalse(plan.hasErrors());
        assertEquals(NODES + 1, plan.plan().orElseThrow().changes().stream().filter(change -> change.action() == Action.CREATE).count());
    }

    private static DecodedInstance instance(ResourceAddress address, Map<String, DecodedAttribute> attributes)
    {
        DecodedBlock block = new DecodedBlock(address.type(), List.of(new Block.Label(address.name(), RANGE)), attributes, Map.of(), RANGE, RANGE);
        return new DecodedInstance(address, block, Optional.empty(), Optional.empty(), List.of());
    }
}
