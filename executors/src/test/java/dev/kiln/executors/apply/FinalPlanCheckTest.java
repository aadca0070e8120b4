package dev.kiln.executors.apply;

import dev.kiln.lang.addr.ResourceAddressParser;
import dev.kiln.lang.diag.Diagnostics;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;
import dev.kiln.planner.plan.Action;
import dev.kiln.planner.plan.ResourceChange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FinalPlanCheckTest
{
    private static final Value UNKNOWN_PEER = node("10.0.0.11", Value.unknown(Type.STRING));
    private static final Value KNOWN_PEER = node("10.0.0.11", Value.string("host-a"));

    static Stream<Arguments> cases()
    {
        return Stream.of(
                Arguments.of("an unknown becomes known", Action.CREATE, UNKNOWN_PEER, Action.CREATE, KNOWN_PEER, ""),
                Arguments.of("nothing moves", Action.UPDATE, KNOWN_PEER, Action.UPDATE, KNOWN_PEER, ""),
                Arguments.of("a known value moves", Action.CREATE, UNKNOWN_PEER, Action.CREATE, node("10.9.9.9", Value.string("host-a")),
                        "attribute \"address\" was planned as \"10.0.0.11\", but is now \"10.9.9.9\""),
                Arguments.of("a known map entry moves", Action.CREATE, node("10.0.0.11", Value.string("x"), Value.unknown(Type.STRING)), Action.CREATE,
                        node("10.0.0.11", Value.string("y"), Value.string("z")), "attribute \"labels[\"peer\"]\" was planned as \"x\", but is now \"y\""),
                Arguments.of("a sensitive value moves, unnamed", Action.CREATE, node("10.0.0.11", Value.string("secret").withSensitive(true), Value.unknown(Type.STRING)), Action.CREATE,
                        node("10.0.0.11", Value.string("other").withSensitive(true), Value.string("z")), "attribute \"labels[\"peer\"]\" (sensitive) changed from its planned value"),
                Arguments.of("a sensitive value that stays the same is consistent", Action.CREATE,
                        node("10.0.0.11", Value.string("secret").withSensitive(true), Value.unknown(Type.STRING)), Action.CREATE,
                        node("10.0.0.11", Value.string("secret").withSensitive(true), Value.string("z")), ""),

                Arguments.of("a null keeps its place whatever its type", Action.CREATE,
                        Value.object(Map.of("address", Value.string("10.0.0.11"), "bastion", Value.nullOf(Type.DYNAMIC))), Action.CREATE,
                        Value.object(Map.of("address", Value.string("10.0.0.11"), "bastion", Value.nullOf(Type.STRING))), ""),
                Arguments.of("a known value moves beside a null", Action.CREATE,
                        Value.object(Map.of("address", Value.string("10.0.0.11"), "bastion", Value.nullOf(Type.DYNAMIC))), Action.CREATE,
                        Value.object(Map.of("address", Value.string("10.9.9.9"), "bastion", Value.nullOf(Type.STRING))),
                        "attribute \"address\" was planned as \"10.0.0.11\", but is now \"10.9.9.9\""),
                Arguments.of("the action moves", Action.CREATE, UNKNOWN_PEER, Action.UPDATE, KNOWN_PEER, "the plan was to create it, but planning it again now would update it"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void check(String name, Action plannedAction, Value planned, Action finalAction, Value finalValue, String problem)
    {
        assertEquals(problem.isEmpty() ? Optional.empty() : Optional.of(problem), FinalPlanCheck.problem(change(plannedAction, planned), change(finalAction, finalValue)));
    }

    private static Value node(String address, Value peer)
    {
        return Value.object(Map.of("address", Value.string(address), "labels", Value.map(Type.STRING, Map.of("peer", peer))));
    }

    private static Value node(String address, Value peer, Value zone)
    {
        return Value.object(Map.of("address", Value.string(address), "labels", Value.map(Type.STRING, Map.of("peer", peer, "zone", zone))));
    }

    private static ResourceChange change(Action action, Value after)
    {
        return new ResourceChange(ResourceAddressParser.parse("node.b", "test", new Diagnostics()).orElseThrow(), "sim", action, Optional.empty(),
                Optional.empty(), Optional.of(after), List.of(), List.of(), Optional.empty());
    }
}
