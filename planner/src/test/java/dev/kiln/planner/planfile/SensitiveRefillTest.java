package dev.kiln.planner.planfile;

import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SensitiveRefillTest
{
    @Test
    @DisplayName("sensitive parts come from the fresh value, marked sensitive; every other part stays as saved")
    void sensitivePartsFromFresh()
    {
        Value saved = Value.object(Map.of(
                "version", Value.string("v1.32.0"),
                "kubeconfig", SensitiveSameness.placeholder(Type.STRING),
                "password", Value.unknown(Type.STRING).withSensitive(true),
                "nodes", Value.list(Type.STRING, List.of(Value.string("a"), Value.unknown(Type.STRING).withSensitive(true)))));
        Value fresh = Value.object(Map.of(
                "version", Value.string("v1.31.2"),
                "kubeconfig", Value.string("apiVersion: v1"),
                "password", Value.string("secret"),
                "nodes", Value.list(Type.STRING, List.of(Value.string("b"), Value.string("c")))));

        Value refilled = SensitiveRefill.refill(saved, fresh);

        Value expected = Value.object(Map.of(
                "version", Value.string("v1.32.0"),
                "kubeconfig", Value.string("apiVersion: v1").withSensitive(true),
                "password", Value.string("secret").withSensitive(true),
                "nodes", Value.list(Type.STRING, List.of(Value.string("a"), Value.string("c").withSensitive(true)))));
        assertEquals(expected, refilled);
        assertTrue(refilled.asMapping().orElseThrow().get("kubeconfig").sensitive());
    }

    @Test
    @DisplayName("a sensitive part the fresh value does not know either stays unknown, for the driver to fill")
    void unknownStaysUnknown()
    {
        Value saved = Value.object(Map.of("token", Value.unknown(Type.STRING).withSensitive(true)));
        Value fresh = Value.object(Map.of("token", Value.unknown(Type.STRING)));
        Value refilled = SensitiveRefill.refill(saved, fresh);
        Value token = refilled.asMapping().orElseThrow().get("token");
        assertTrue(token instanceof Value.Unknown && token.sensitive(), token.toString());
    }
}
