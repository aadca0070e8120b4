package dev.kiln.providers;

import dev.kiln.lang.config.VariableInputs;
import dev.kiln.planner.diff.PlanOptions;
import dev.kiln.planner.diff.PlanResult;
import dev.kiln.planner.plan.Action;
import dev.kiln.planner.plan.PlanMode;
import dev.kiln.planner.plan.Plan;
import dev.kiln.planner.plan.ResourceChange;
import dev.kiln.providers.sim.Datacenter;
import dev.kiln.providers.sim.Member;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The quick start, planned and applied in the simulator as the engine will: create, converge, scale, upgrade, drift, refuse a downgrade. */
class QuickstartTest
{
    @TempDir
    Path directory;

    private SimRun run;

    @BeforeEach
    void copyExample()
            throws IOException
    {
        Path example = Path.of("..", "examples", "quickstart");
        try (Stream<Path> files = Files.list(example)) {
            for (Path file : files.toList()) {
                String text = Files.readString(file).replace("speed = 100", "speed = 1000000");
                Files.writeString(directory.resolve(file.getFileName()), text);
            }
        }
        run = new SimRun(directory);
    }

    @Test
    @DisplayName("Applying the quick start creates its nodes and cluster in the simulator, and a second plan has no changes")
    void appliesAndConverges()
            throws Exception
    {
        Plan first = run.apply(VariableInputs.none());
        assertEquals(List.of("cluster.demo", "cluster.demo.pool[\"default\"]", "node.control[0]", "node.worker[\"w1\"]", "node.worker[\"w2\"]"), addresses(first));
        assertTrue(first.changes().stream().allMatch(change -> change.action() == Action.CREATE));
        Datacenter datacenter = Datacenter.open(directory.resolve(".kiln/sim"));
        assertEquals(3, datacenter.machines().size());
        assertEquals(3, datacenter.members("cluster.demo").size());
        Plan second = run.applicablePlan(VariableInputs.none());
        assertEquals(List.of(), changed(second));
        assertTrue(second.drift().isEmpty(), () -> second.drift().toString());
    }

    @Test
    @DisplayName("An upgrade across two minor versions is planned as a chain of steps, and applied")
    void upgradesAcrossTwoMinors()
            throws Exception
    {
        run.apply(VariableInputs.none());
        VariableInputs upgrade = variable("kubernetes_version", "v1.33.1");
        Plan plan = run.applicablePlan(upgrade);
        ResourceChange cluster = change(plan, "cluster.demo");
        assertEquals(Action.UPDATE, cluster.action());
        assertEquals(List.of(
                "upgrade the control plane from v1.31.2 to v1.32.9, one node at a time (1 node)",
                "upgrade the control plane from v1.32.9 to v1.33.1, one node at a time (1 node)"), cluster.steps());
        ResourceChange pool = change(plan, "cluster.demo.pool[\"default\"]");
        assertEquals(Action.UPDATE, pool.action());
        assertEquals(List.of(
                "upgrade worker pool \"default\" from v1.31.2 to v1.32.9 in batches of 1 (2 nodes)",
                "upgrade worker pool \"default\" from v1.32.9 to v1.33.1 in batches of 1 (2 nodes)"), pool.steps());
        run.apply(upgrade);
        assertEquals(List.of(), changed(run.applicablePlan(upgrade)));
        Datacenter datacenter = Datacenter.open(directory.resolve(".kiln/sim"));
        assertEquals("v1.33.1", datacenter.cluster("cluster.demo").orElseThrow().version());
        assertTrue(datacenter.members("cluster.demo").stream().allMatch(member -> member.version().equals("v1.33.1")));
    }

    @Test
    @DisplayName("A downgrade is refused with its reason")
    void refusesDowngrade()
            throws Exception
    {
        run.apply(VariableInputs.none());
        PlanResult result = run.plan(variable("kubernetes_version", "v1.30.4"), PlanOptions.DEFAULT);
        assertTrue(result.hasErrors());
        ResourceChange cluster = change(result.plan().orElseThrow(), "cluster.demo");
        assertEquals("downgrades are not supported: the cluster runs v1.31.2 and cannot go back to v1.30.4", cluster.forbiddenReason().orElseThrow());
    }

    @Test
    @DisplayName("Scaling the worker pool joins the new node after it is created")
    void scalesPool()
            throws Exception
    {
        run.apply(VariableInputs.none());
        VariableInputs three = VariableInputs.builder().variable("worker_names=[\"w1\",\"w2\",\"w3\"]").build();
        Plan plan = run.apply(three);
        assertEquals(Action.CREATE, change(plan, "node.worker[\"w3\"]").action());
        assertEquals(List.of("join to worker pool \"default\": " + "10.42.0.102"), change(plan, "cluster.demo.pool[\"default\"]").steps());
        assertEquals(Action.NO_OP, change(plan, "cluster.demo").action());
        assertEquals(4, Datacenter.open(directory.resolve(".kiln/sim")).members("cluster.demo").size());
        assertEquals(List.of(), changed(run.applicablePlan(three)));
    }

    @Test
    @DisplayName("Shrinking the worker pool drains the node from the cluster, then deletes its machine")
    void shrinksPool()
            throws Exception
    {
        run.apply(VariableInputs.none());
        VariableInputs one = VariableInputs.builder().variable("worker_names=[\"w1\"]").build();
        Plan plan = run.apply(one);
        assertEquals(List.of("cluster.demo.pool[\"default\"] UPDATE", "node.worker[\"w2\"] DELETE"), changed(plan));
        assertEquals(List.of("drain and remove from worker pool \"default\" in batches of 1: worker-w2"), change(plan, "cluster.demo.pool[\"default\"]").steps());
        Datacenter datacenter = Datacenter.open(directory.resolve(".kiln/sim"));
        assertEquals(List.of("node.control[0]", "node.worker[\"w1\"]"), datacenter.members("cluster.demo").stream().map(Member::name).toList());
        assertEquals(2, datacenter.machines().size());
        assertEquals(List.of(), changed(run.applicablePlan(one)));
    }

    @Test
    @DisplayName("A machine removed behind Kiln's back shows as drift; the next apply creates it again and joins it to its pool")
    void driftOfRemovedMachine()
            throws Exception
    {
        run.apply(VariableInputs.none());
        Datacenter datacenter = Datacenter.open(directory.resolve(".kiln/sim"));
        datacenter.removeMachine("node.worker[\"w1\"]");
        Plan plan = run.applicablePlan(VariableInputs.none());
        assertEquals(List.of("cluster.demo.pool[\"default\"] UPDATE", "node.worker[\"w1\"] DELETE"),
                plan.drift().stream().map(change -> change.address() + " " + change.action()).toList());
        assertEquals(List.of("cluster.demo.pool[\"default\"] UPDATE", "node.worker[\"w1\"] CREATE"), changed(plan));
        assertEquals(List.of("join to worker pool \"default\": worker-w1"), change(plan, "cluster.demo.pool[\"default\"]").steps());
        run.apply(VariableInputs.none());
        assertEquals(List.of(), changed(run.applicablePlan(VariableInputs.none())));
        assertEquals(3, Datacenter.open(directory.resolve(".kiln/sim")).members("cluster.demo").size());
    }

    @Test
    @DisplayName("A cluster set to an older version behind Kiln's back is upgraded back to the configured one")
    void driftOfVersion()
            throws Exception
    {
        run.apply(VariableInputs.none());
        Datacenter datacenter = Datacenter.open(directory.resolve(".kiln/sim"));
        datacenter.members("cluster.demo").forEach(member -> datacenter.put(member.withVersion("v1.30.4")));
        datacenter.put(datacenter.cluster("cluster.demo").orElseThrow().withVersion("v1.30.4"));
        Plan plan = run.applicablePlan(VariableInputs.none());
        assertEquals(List.of("upgrade the control plane from v1.30.4 to v1.31.2, one node at a time (1 node)"), change(plan, "cluster.demo").steps());
        assertEquals(List.of("upgrade worker pool \"default\" from v1.30.4 to v1.31.2 in batches of 1 (2 nodes)"), change(plan, "cluster.demo.pool[\"default\"]").steps());
        run.apply(VariableInputs.none());
        assertEquals(List.of(), changed(run.applicablePlan(VariableInputs.none())));
    }

    @Test
    @DisplayName("Destroying removes every object from the simulated datacenter")
    void destroys()
            throws Exception
    {
        run.apply(VariableInputs.none());
        Plan plan = run.apply(VariableInputs.none(), new PlanOptions(PlanMode.DESTROY, new TreeSet<>(), new TreeSet<>(), true));
        assertTrue(plan.changes().stream().allMatch(change -> change.action() == Action.DELETE));
        Datacenter datacenter = Datacenter.open(directory.resolve(".kiln/sim"));
        assertEquals(List.of(), List.copyOf(datacenter.owners()));
        assertTrue(run.state().resources().isEmpty());
    }

    private static VariableInputs variable(String name, String value)
    {
        return VariableInputs.builder().variable(name + "=" + value).build();
    }

    private static ResourceChange change(Plan plan, String address)
    {
        return plan.changes().stream().filter(change -> change.address().toString().equals(address)).findFirst().orElseThrow();
    }

    /** The addresses of the plan's resource changes other than no-op (outputs are the engine's business). */
    static List<String> changed(Plan plan)
    {
        return plan.changes().stream().filter(change -> change.action() != Action.NO_OP).map(change -> change.address() + " " + change.action()).toList();
    }

    private static List<String> addresses(Plan plan)
    {
        return plan.changes().stream().map(change -> change.address().toString()).toList();
    }
}
