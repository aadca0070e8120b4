package dev.kiln.state;

import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.lang.addr.InstanceKey;
import dev.kiln.lang.addr.ResourceAddress;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

final class StateTest
{
    @Test
    @DisplayName("a new state has a fresh lineage and serial 0, and no resources or outputs")
    void created()
    {
        State first = State.create("0.1.0");
        State second = State.create("0.1.0");
        assertNotEquals(first.lineage(), second.lineage());
        assertEquals(0, first.serial());
        assertTrue(first.resources().isEmpty());
        assertTrue(first.outputs().isEmpty());
    }

    @Test
    @DisplayName("resources are ordered by address, instance indexes numerically, whatever the insertion order")
    void ordering()
    {
        State state = TestStates.full();
        assertEquals(List.of("cluster.prod", "node.m1", "node.w[2]", "node.w[10]", "pool.workers[\"zone \\\"a\\\"\"]"),
                state.resources().keySet().stream().map(ResourceAddress::toString).toList());
        assertThrows(UnsupportedOperationException.class, () -> state.resources().clear());
    }

    @Test
    @DisplayName("content equality ignores serial and Kiln version and how a number happens to be held")
    void sameContent()
    {
        State state = TestStates.full();
        assertTrue(state.sameContent(state.withSerial(12).withKilnVersion("0.2.0")));

        ResourceAddress node = ResourceAddress.of("node", "m1");
        ObjectNode widened = (ObjectNode) state.resource(node).orElseThrow().attributes().deepCopy();
        widened.set("cpus", LongNode.valueOf(4));
        State sameNumber = state.withResource(state.resource(node).orElseThrow().withAttributes(widened, List.of(), TestStates.CREATED));
        assertTrue(state.sameContent(sameNumber));

        widened.put("cpus", 8);
        State changed = state.withResource(state.resource(node).orElseThrow().withAttributes(widened, List.of(), TestStates.CREATED));
        assertFalse(state.sameContent(changed));
        assertFalse(state.sameContent(state.withoutResource(node)));
    }

    @Test
    @DisplayName("an instance copies its attributes, so changing the caller's object later changes nothing recorded")
    void attributesCopied()
    {
        ObjectNode attributes = StateJson.object().put("cpus", 4);
        ResourceInstance instance = ResourceInstance.created(ResourceAddress.of("node", "m1"), "sim", attributes, TestStates.CREATED);
        attributes.put("cpus", 64);
        assertEquals(4, instance.attributes().get("cpus").intValue());
    }

    @Test
    @DisplayName("an instance's updated time never precedes its creation, and it must sit under its own address")
    void instanceInvariants()
    {
        ResourceInstance instance = ResourceInstance.created(ResourceAddress.of("node", "m1"), "sim", StateJson.object(), TestStates.UPDATED);
        assertEquals(TestStates.UPDATED, instance.withStatus(InstanceStatus.TAINTED, TestStates.CREATED).updated());
        assertThrows(IllegalArgumentException.class, () -> new ResourceInstance(instance.address(), "sim", StateJson.object(), List.of(), List.of(),
                InstanceStatus.READY, false, TestStates.UPDATED, TestStates.CREATED));
        TreeMap<ResourceAddress, ResourceInstance> misplaced = new TreeMap<>();
        misplaced.put(ResourceAddress.of("node", "other"), instance);
        assertThrows(IllegalArgumentException.class, () -> new State("0.1.0", TestStates.LINEAGE, 1, misplaced, new TreeMap<>()));
    }

    @Test
    @DisplayName("attribute paths print like references and sort step by step")
    void attributePaths()
    {
        AttributePath token = AttributePath.attribute("admin_token");
        AttributePath member = AttributePath.of(new PathStep.Attribute("members"), new PathStep.Index(10), new PathStep.Attribute("key"));
        AttributePath label = AttributePath.of(new PathStep.Attribute("labels"), new PathStep.Key("te\"am"));
        assertEquals("members[10].key", member.toString());
        assertEquals("labels[\"te\\\"am\"]", label.toString());
        AttributePath memberTwo = AttributePath.of(new PathStep.Attribute("members"), new PathStep.Index(2));
        assertEquals(List.of(token, label, memberTwo, member), Stream.of(member, memberTwo, label, token).sorted().toList());
        assertEquals(List.of(token), ResourceInstance.created(new ResourceAddress("node", "w", new InstanceKey.Index(0)), "sim", StateJson.object(), TestStates.CREATED)
                .withAttributes(StateJson.object(), List.of(token, token), TestStates.CREATED).sensitivePaths());
    }
}
