package dev.kiln.planner.diff;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.lang.config.Config;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;
import dev.kiln.planner.PlanScenarios;
import dev.kiln.planner.TestConfig;
import dev.kiln.planner.TestStates;
import dev.kiln.planner.TestTypes;
import dev.kiln.planner.plan.Action;
import dev.kiln.planner.plan.ActionReason;
import dev.kiln.planner.plan.Plan;
import dev.kiln.planner.plan.PlanMode;
import dev.kiln.planner.plan.ResourceChange;
import dev.kiln.planner.spi.RefreshResponse;
import dev.kiln.planner.spi.Refresher;
import dev.kiln.planner.spi.ResourceType;
import dev.kiln.planner.spi.ResourceTypes;
import dev.kiln.state.InstanceStatus;
import dev.kiln.state.ResourceInstance;
import dev.kiln.state.State;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static dev.kiln.planner.TestConfig.address;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlannerTest
{
    @Test
    @DisplayName("After the planned changes are recorded, a second plan has no changes")
    void convergesAfterApply()
    {
        Config config = PlanScenarios.clusterConfig("v1.29.4", "core").build();
        Plan first = plan(config, TestStates.empty(), PlanOptions.DEFAULT);
        assertEquals(List.of(Action.CREATE, Action.CREATE, Action.CREATE), first.changes().stream().map(ResourceChange::action).toList());
        Plan second = plan(config, applied(first), PlanOptions.DEFAULT);
        assertEquals(List.of(), second.changes().stream().filter(change -> change.action().isChange()).toList());
    }

    @Test
    @DisplayName("Tainted instances and -replace targets are replaced even when their configuration is unchanged")
    void taintAndReplaceRequest()
    {
        Plan plan = PlanScenarios.plan("replace").plan().orElseThrow();
        assertEquals(List.of(ActionReason.REPLACE_BECAUSE_CANNOT_UPDATE, ActionReason.REPLACE_BECAUSE_TAINTED, ActionReason.REPLACE_BY_REQUEST),
                plan.changes().stream().map(change -> change.actionReason().orElseThrow()).toList());
        assertEquals("address", plan.changes().getFirst().replacePaths().getFirst().toString());
        assertFalse(plan.changes().get(1).after().orElseThrow().isWhollyKnown(), "computed attributes of a replacement are unknown");
    }

    @Test
    @DisplayName("A forbidden change fails the plan with an error at the attribute responsible, and the plan still shows it")
    void forbiddenChange()
    {
        PlanResult result = PlanScenarios.plan("forbidden");
        assertTrue(result.hasErrors());
        assertFalse(result.applicable());
        Diagnostic error = result.diagnostics().stream().filter(Diagnostic::isError).findFirst().orElseThrow();
        assertEquals("Change not allowed", error.summary());
        assertTrue(error.detail().contains("downgrades are not supported"), error.detail());
        Config config = PlanScenarios.clusterConfig("v1.26.9", "core").build();
        assertEquals(config.resource(address("cluster.prod")).orElseThrow().block().attribute("kubernetes_version").orElseThrow().range(), error.subject().orElseThrow());
        ResourceChange change = result.plan().orElseThrow().changes().getFirst();
        assertEquals("downgrades are not supported", change.forbiddenReason().orElseThrow());
    }

    @Test
    @DisplayName("Shrinking the control plane below one member is forbidden by the test cluster type")
    void forbiddenShrink()
    {
        Config config = TestConfig.builder()
                .resource("cluster.prod", Map.of("kubernetes_version", Value.string("v1.27.3"), "control_plane_count", Value.number(0)))
                .build();
        State state = TestStates.builder()
                .instance(TestTypes.CLUSTER, "cluster.prod", Map.of("kubernetes_version", Value.string("v1.27.3"), "control_plane_count", Value.number(3)))
                .build();
        PlanResult result = Planner.plan(PlanScenarios.request(config, state, PlanOptions.DEFAULT, Refresher.NONE));
        assertEquals("control plane can't shrink below 1", result.plan().orElseThrow().changes().getFirst().forbiddenReason().orElseThrow());
    }

    @Test
    @DisplayName("Without refresh the refresher is not asked, except for instances that need reconciliation")
    void refreshOff()
    {
        List<ResourceAddress> asked = new ArrayList<>();
        Refresher counting = request -> {
            asked.add(request.address());
            return RefreshResponse.observed(request.prior());
        };
        State state = PlanScenarios.recordedNodes(3).needsReconciliation("node.w[1]").build();
        Config config = PlanScenarios.nodes("10.0.0.10", "10.0.0.11", "10.0.0.12").build();
        Planner.plan(PlanScenarios.request(config, state, PlanOptions.DEFAULT.withRefresh(false), counting));
        assertEquals(List.of(address("node.w[1]")), asked);
        asked.clear();
        Planner.plan(PlanScenarios.request(config, state, PlanOptions.DEFAULT, counting));
        assertEquals(3, asked.size());
    }

    @Test
    @DisplayName("Diff and refresh requests carry the provider the planner decided for each instance, the same its planned change names")
    void requestsCarryTheProvider()
    {
        Map<ResourceAddress, String> diffed = new TreeMap<>();
        Map<ResourceAddress, String> refreshed = new TreeMap<>();
        ResourceType node = new ResourceType("node", TestTypes.NODE.schema(), request -> {
            diffed.put(request.address(), request.provider());
            return StandardDiffRule.INSTANCE.diff(request);
        });
        Refresher refresher = request -> {
            refreshed.put(request.address(), request.provider());
            return RefreshResponse.observed(request.prior());
        };
        Map<String, Value> attributes = PlanScenarios.node("10.0.0.1", "core");
        Config config = TestConfig.builder()
                .resource("node.named", attributes)
                .resource("node.recorded", attributes)
                .resource("node.fresh", attributes)
                .providerOf("node.named", "capi.east")
                .provider("kubeadm", Optional.empty(), Map.of())
                .provider("capi", Optional.of("east"), Map.of())
                .build();
        State state = TestStates.builder()
                .instance(TestTypes.NODE, "node.named", attributes)
                .instance(TestTypes.NODE, "node.recorded", attributes)
                .instance(TestTypes.NODE, "node.gone", attributes)
                .recordedBy("node.recorded", "sim.fast")
                .recordedBy("node.gone", "sim.slow")
                .build();
        PlanResult result = Planner.plan(new PlanRequest(config, state, ResourceTypes.of(node), PlanOptions.DEFAULT, refresher));
        Map<ResourceAddress, String> expected = Map.of(
                address("node.named"), "capi.east",
                address("node.recorded"), "sim.fast",
                address("node.fresh"), "kubeadm",
                address("node.gone"), "sim.slow");
        assertEquals(expected, diffed);
        assertEquals(Map.of(address("node.named"), "capi.east", address("node.recorded"), "sim.fast", address("node.gone"), "sim.slow"), refreshed);
        assertEquals(expected, result.plan().orElseThrow().changes().stream().collect(Collectors.toMap(ResourceChange::address, ResourceChange::provider)));
    }

    @Test
    @DisplayName("What the state recorded as sensitive stays marked in what a refresh reads, even when the refresher drops the marks")
    void refreshKeepsRecordedMarks()
    {
        Map<String, Value> node = PlanScenarios.withPassword(PlanScenarios.node("10.0.0.5", "core"), "secret");
        State state = TestStates.builder().instance(TestTypes.NODE, "node.a", node).build();
        Config config = TestConfig.builder().resource("node.a", node).build();
        Plan plan = plan(config, state, PlanOptions.DEFAULT, request -> RefreshResponse.observed(request.prior().unmarkedDeep()));
        Value before = plan.changes().getFirst().before().orElseThrow();
        assertTrue(before.asMapping().orElseThrow().get("password").sensitive());
        assertEquals(List.of("password"), StateValues.sensitivePaths(before).stream().map(Object::toString).toList());
    }

    @Test
    @DisplayName("Targeting plans the targets and what they depend on, with a warning; other instances are left alone")
    void targeting()
    {
        Plan plan = PlanScenarios.plan("targeting").plan().orElseThrow();
        assertEquals(List.of("cluster.prod", "node.w[0]", "node.w[1]"), plan.changes().stream().map(change -> change.address().toString()).toList());
        assertEquals("Resource targeting is in effect", plan.warnings().getFirst().summary());
    }

    @Test
    @DisplayName("A target without instance key means every instance; a destroy plan also takes what depends on the target")
    void targetingClosures()
    {
        Config config = PlanScenarios.clusterConfig("v1.29.4", "core").build();
        Plan byResource = plan(config, TestStates.empty(), PlanOptions.DEFAULT.withTargets(Set.of(address("node.w"))));
        assertEquals(List.of("node.w[0]", "node.w[1]"), byResource.changes().stream().map(change -> change.address().toString()).toList());
        State state = applied(plan(config, TestStates.empty(), PlanOptions.DEFAULT));
        Plan destroy = plan(config, state, PlanOptions.DEFAULT.withMode(PlanMode.DESTROY).withTargets(Set.of(address("node.w[0]"))));
        assertEquals(List.of("cluster.prod", "node.w[0]"), destroy.changes().stream().map(change -> change.address().toString()).toList());
        assertTrue(destroy.changes().stream().allMatch(change -> change.action() == Action.DELETE));
    }

    @Test
    @DisplayName("A -target or -replace address that matches nothing is a warning naming it, with the closest address; the plan is unchanged")
    void unmatchedTargetsAndReplacements()
    {
        Config config = PlanScenarios.clusterConfig("v1.29.4", "core").build();
        PlanOptions options = PlanOptions.DEFAULT
                .withTargets(Set.of(address("node.w"), address("node.ww")))
                .withReplace(Set.of(address("cluster.prud"), address("node.w[7]")));
        Plan plan = plan(config, TestStates.empty(), options);
        assertEquals(List.of("node.w[0]", "node.w[1]"), plan.changes().stream().map(change -> change.address().toString()).toList());
        assertEquals(
                List.of("Resource targeting is in effect", "Resource target not found", "Replace target not found", "Replace target not found"),
                plan.warnings().stream().map(Diagnostic::summary).toList());
        assertEquals("The -target address node.ww matches no resource instance in the configuration or the state, so the plan selects nothing "
                + "for it. Check the address for a typo. Did you mean \"node.w\"?", plan.warnings().get(1).detail());
        assertTrue(plan.warnings().get(2).detail().startsWith("The -replace address cluster.prud matches no resource instance"), plan.warnings().get(2).detail());
        assertTrue(plan.warnings().get(2).detail().endsWith("Did you mean \"cluster.prod\"?"), plan.warnings().get(2).detail());
        assertTrue(plan.warnings().get(3).detail().startsWith("The -replace address node.w[7] matches no resource instance"), plan.warnings().get(3).detail());
    }

    @Test
    @DisplayName("A -replace without instance key on a counted resource matches no instance, as in Terraform: a warning lists the instance addresses")
    void replaceWithoutInstanceKey()
    {
        Config config = PlanScenarios.clusterConfig("v1.29.4", "core").build();
        State state = applied(plan(config, TestStates.empty(), PlanOptions.DEFAULT));
        Plan plan = plan(config, state, PlanOptions.DEFAULT.withReplace(Set.of(address("node.w"), address("cluster.prod"))));
        assertEquals(List.of("cluster.prod"), plan.changes().stream()
                .filter(change -> change.actionReason().equals(Optional.of(ActionReason.REPLACE_BY_REQUEST)))
                .map(change -> change.address().toString())
                .toList());
        assertEquals(1, plan.warnings().size(), plan.warnings().toString());
        assertEquals("Incompletely-matched force-replace resource instance", plan.warnings().getFirst().summary());
        assertEquals("The -replace address node.w matches no resource instance because it lacks an instance key, and the resource has 2 instances. "
                + "To replace particular instances, use one or more of these options instead:\n  -replace=\"node.w[0]\"\n  -replace=\"node.w[1]\"",
                plan.warnings().getFirst().detail());
    }

    @Test
    @DisplayName("Orphans are deleted with the reason Terraform gives: count index, for_each key, or no configuration")
    void deleteReasons()
    {
        State state = TestStates.builder()
                .instance(TestTypes.NODE, "node.w[3]", PlanScenarios.node("10.0.0.13", "core"))
                .instance(TestTypes.NODE, "node.zone[\"b\"]", PlanScenarios.node("10.0.0.14", "core"))
                .instance(TestTypes.NODE, "node.gone", PlanScenarios.node("10.0.0.15", "core"))
                .build();
        Plan plan = plan(TestConfig.builder().build(), state, PlanOptions.DEFAULT);
        assertEquals(List.of(ActionReason.DELETE_BECAUSE_NO_RESOURCE_CONFIG, ActionReason.DELETE_BECAUSE_COUNT_INDEX, ActionReason.DELETE_BECAUSE_EACH_KEY),
                plan.changes().stream().map(change -> change.actionReason().orElseThrow()).toList());
    }

    @Test
    @DisplayName("Recorded attributes that do not fit the schema, and recorded types no provider knows, are errors")
    void recordedProblems()
    {
        ResourceInstance misfit = ResourceInstance.created(address("node.bad"), "sim",
                JsonNodeFactory.instance.objectNode().put("address", "10.0.0.1").put("colour", "blue"), TestStates.TIME);
        ResourceInstance unknownType = ResourceInstance.created(address("widget.a"), "sim", JsonNodeFactory.instance.objectNode(), TestStates.TIME);
        State state = new State("0.1.0", TestStates.LINEAGE, 1, new TreeMap<>(Map.of(misfit.address(), misfit, unknownType.address(), unknownType)), new TreeMap<>());
        PlanResult result = Planner.plan(PlanScenarios.request(TestConfig.builder().build(), state, PlanOptions.DEFAULT, Refresher.NONE));
        assertEquals(List.of("Recorded attributes do not fit the resource type", "Unsupported resource type"),
                result.diagnostics().stream().map(Diagnostic::summary).sorted().toList());
    }

    @Test
    @DisplayName("A dependency cycle gives no plan")
    void cycleGivesNoPlan()
    {
        Map<String, Value> node = PlanScenarios.node("10.0.0.1", "core");
        State state = TestStates.builder()
                .instance(TestTypes.NODE, "node.a", node, "node.b")
                .instance(TestTypes.NODE, "node.b", node, "node.a")
                .build();
        PlanResult result = Planner.plan(PlanScenarios.request(TestConfig.builder().build(), state, PlanOptions.DEFAULT, Refresher.NONE));
        assertTrue(result.plan().isEmpty());
        assertTrue(result.hasErrors());
    }

    @Test
    @DisplayName("Recorded values feed references: computed attributes resolve to what state holds")
    void recordedResourceValues()
    {
        State state = PlanScenarios.recordedNodes(1).build();
        RecordedResourceValues values = new RecordedResourceValues(state, TestTypes.ALL);
        Value node = values.instance(address("node.w[0]")).orElseThrow();
        assertEquals(Value.string("w0"), ((Value.ObjectValue) node).attributes().get("hostname"));
        assertTrue(values.instance(address("node.w[9]")).isEmpty());
    }

    /** The state an apply of {@code plan} would record: unknown values made known, deletions removed. */
    static State applied(Plan plan)
    {
        State.Builder state = new State("0.1.0", plan.priorState().lineage(), plan.priorState().serial(), new TreeMap<>(), new TreeMap<>()).toBuilder();
        for (ResourceChange change : plan.changes()) {
            if (change.after().isEmpty()) {
                continue;
            }
            Value known = known(change.after().get());
            state.putResource(new ResourceInstance(change.address(), "sim", StateValues.attributes(known), StateValues.sensitivePaths(known),
                    List.of(), InstanceStatus.READY, false, TestStates.TIME, TestStates.TIME));
        }
        return state.build();
    }

    private static Value known(Value value)
    {
        return switch (value) {
            case Value.Unknown unknown -> knownOf(unknown.type()).withSensitive(unknown.sensitive());
            case Value.ObjectValue object -> {
                TreeMap<String, Value> attributes = new TreeMap<>();
                object.attributes().forEach((name, attribute) -> attributes.put(name, known(attribute)));
                yield new Value.ObjectValue(attributes, object.sensitive());
            }
            case Value.MapValue map -> {
                TreeMap<String, Value> entries = new TreeMap<>();
                map.entries().forEach((key, entry) -> entries.put(key, known(entry)));
                yield new Value.MapValue(map.elementType(), entries, map.sensitive());
            }
            case Value.ListValue list -> new Value.ListValue(list.elementType(), list.elements().stream().map(PlannerTest::known).toList(), list.sensitive());
            case Value.SetValue set -> new Value.SetValue(set.elementType(), set.elements().stream().map(PlannerTest::known).toList(), set.sensitive());
            case Value.TupleValue tuple -> new Value.TupleValue(tuple.elements().stream().map(PlannerTest::known).toList(), tuple.sensitive());
            case Value.StringValue string -> string;
            case Value.NumberValue number -> number;
            case Value.BoolValue bool -> bool;
            case Value.Null nullValue -> nullValue;
        };
    }

    /** What a provider might report for a value known only after apply. */
    private static Value knownOf(Type type)
    {
        return switch (type) {
            case Type.Primitive primitive -> switch (primitive) {
                case STRING -> Value.string("known");
                case NUMBER -> Value.number(1);
                case BOOL -> Value.bool(true);
            };
            case Type.Dynamic ignored -> Value.string("known");
            case Type.ListType list -> Value.list(list.element(), List.of());
            case Type.SetType set -> Value.set(set.element(), List.of());
            case Type.MapType map -> Value.map(map.element(), Map.of());
            case Type.TupleType tuple -> Value.tuple(tuple.elements().stream().map(PlannerTest::knownOf).toList());
            case Type.ObjectType object -> {
                TreeMap<String, Value> attributes = new TreeMap<>();
                object.attributes().forEach((name, attributeType) -> attributes.put(name, knownOf(attributeType)));
                yield Value.object(attributes);
            }
        };
    }

    private static Plan plan(Config config, State state, PlanOptions options)
    {
        return plan(config, state, options, Refresher.NONE);
    }

    private static Plan plan(Config config, State state, PlanOptions options, Refresher refresher)
    {
        PlanResult result = Planner.plan(PlanScenarios.request(config, state, options, refresher));
        assertFalse(result.hasErrors(), result.diagnostics().toString());
        return result.plan().orElseThrow();
    }
}
