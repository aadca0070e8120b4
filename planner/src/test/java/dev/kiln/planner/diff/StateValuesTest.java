package dev.kiln.planner.diff;

import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;
import dev.kiln.planner.TestStates;
import dev.kiln.planner.TestTypes;
import dev.kiln.planner.plan.ChangeValues;
import dev.kiln.state.AttributePath;
import dev.kiln.state.InstanceStatus;
import dev.kiln.state.PathStep;
import dev.kiln.state.ResourceInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static dev.kiln.planner.TestConfig.address;
import static org.junit.jupiter.api.Assertions.assertEquals;

class StateValuesTest
{
    private static final Value NODE = TestStates.value(TestTypes.NODE, Map.of(
            "address", Value.string("10.0.0.1"),
            "password", Value.string("secret").withSensitive(true),
            "labels", Value.map(Type.STRING, Map.of("team", Value.string("core"), "token", Value.string("t").withSensitive(true)))));

    @Test
    @DisplayName("A value recorded as attributes and sensitive paths decodes to the same value with the same marks")
    void roundTrip()
            throws Exception
    {
        List<AttributePath> paths = StateValues.sensitivePaths(NODE);
        assertEquals(List.of(AttributePath.of(new PathStep.Attribute("labels"), new PathStep.Key("token")), AttributePath.attribute("password")), paths);
        ResourceInstance recorded = new ResourceInstance(address("node.a"), "sim", StateValues.attributes(NODE), paths, List.of(),
                InstanceStatus.READY, false, TestStates.TIME, TestStates.TIME);
        assertEquals(NODE, StateValues.decode(recorded, TestTypes.NODE.schema()));
    }

    @Test
    @DisplayName("A secret inside a tuple (a dynamic attribute read back from state, such as a cluster's nodes) is marked again at its recorded path")
    void tupleElementsMarked()
    {
        Value nodes = Value.tuple(List.of(Value.object(Map.of("address", Value.string("10.0.0.1"), "key", Value.string("k").withSensitive(true)))));
        List<AttributePath> paths = StateValues.sensitivePaths(nodes);
        assertEquals(List.of(AttributePath.of(new PathStep.Index(0), new PathStep.Attribute("key"))), paths);
        assertEquals(nodes, StateValues.marked(nodes.unmarkedDeep(), paths));
    }

    @Test
    @DisplayName("Changed paths name attributes and map keys; marks alone are no change; unknown is always a change")
    void changedPaths()
    {
        Value unmarked = TestStates.value(TestTypes.NODE, Map.of(
                "address", Value.string("10.0.0.1"),
                "password", Value.string("secret"),
                "labels", Value.map(Type.STRING, Map.of("team", Value.string("ops"), "token", Value.string("t")))));
        assertEquals(List.of("labels[\"team\"]"), ValueChanges.changedPaths(NODE, unmarked).stream().map(AttributePath::toString).toList());
        Value unknownHost = TestStates.value(TestTypes.NODE, Map.of("address", Value.string("10.0.0.1"), "hostname", Value.unknown(Type.STRING)));
        Value knownHost = TestStates.value(TestTypes.NODE, Map.of("address", Value.string("10.0.0.1"), "hostname", Value.string("h")));
        assertEquals(List.of("hostname"), ValueChanges.changedPaths(knownHost, unknownHost).stream().map(AttributePath::toString).toList());
    }

    @Test
    @DisplayName("Data compares as state records it: a list equals the tuple read back, nulls of any type are equal, numbers by value")
    void dataComparesAsRecorded()
    {
        Value list = Value.list(Type.STRING, List.of(Value.string("a"), Value.string("b")));
        Value tuple = Value.tuple(List.of(Value.string("a"), Value.string("b")));
        assertEquals(List.of(), ValueChanges.changedPaths(list, tuple));
        assertEquals(List.of(), ValueChanges.changedPaths(Value.nullOf(Type.STRING), Value.nullOf(Type.DYNAMIC)));
        assertEquals(List.of(), ValueChanges.changedPaths(Value.number(new BigDecimal("1.50")), Value.number(new BigDecimal("1.5"))));
        Value object = Value.object(Map.of("team", Value.string("core")));
        Value map = Value.map(Type.STRING, Map.of("team", Value.string("ops")));
        assertEquals(List.of("team"), ValueChanges.changedPaths(map, object).stream().map(AttributePath::toString).toList());
        assertEquals(1, ValueChanges.changedPaths(list, Value.tuple(List.of(Value.string("a")))).size());
    }

    @Test
    @DisplayName("JSON masks mark unknown and sensitive parts in the value's shape; the known JSON leaves them out")
    void masks()
    {
        assertEquals("{\"labels\":{\"token\":true},\"password\":true}", ChangeValues.sensitiveMask(NODE).toString());
        assertEquals("{\"address\":\"10.0.0.1\",\"hostname\":null,\"labels\":{\"team\":\"core\"},\"roles\":null}", ChangeValues.knownJson(NODE).toString());
        Value list = Value.list(Type.STRING, List.of(Value.string("a"), Value.unknown(Type.STRING)));
        assertEquals("[false,true]", ChangeValues.unknownMask(list).toString());
        assertEquals("[\"a\",null]", ChangeValues.knownJson(list).toString());
    }
}
