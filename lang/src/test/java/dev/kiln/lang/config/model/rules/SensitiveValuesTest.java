package dev.kiln.lang.config.model.rules;

import dev.kiln.lang.config.model.Scenario;
import dev.kiln.lang.config.model.TestBlock;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.value.Type;
import dev.kiln.lang.value.Value;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static dev.kiln.lang.config.model.Scenario.cluster;
import static dev.kiln.lang.config.model.Scenario.controlPlane;
import static dev.kiln.lang.config.model.Scenario.node;
import static dev.kiln.lang.config.model.TestBlock.block;
import static dev.kiln.lang.config.model.rules.ModelRulesTest.named;
import static dev.kiln.lang.config.model.rules.ModelRulesTest.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SensitiveValuesTest
{
    private static final String SECRET = "s3cr3t-overlay";

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @DisplayName("a rule reporting a sensitive value says what is wrong without showing it or hinting at it")
    void sensitiveValuesStayHidden(String name, Supplier<Scenario> scenario)
    {
        List<Diagnostic> diagnostics = scenario.get().build().diagnostics();
        assertEquals(1, diagnostics.size(), diagnostics::toString);
        String detail = diagnostics.getFirst().detail();
        assertFalse(detail.contains(SECRET), detail);
        assertFalse(detail.contains("Did you mean"), detail);
        assertTrue(detail.contains("(sensitive value)"), detail);
    }

    static Stream<Arguments> cases()
    {
        return Stream.of(
                named("a sensitive Calico mode", () -> single(block("network").block(block("cni", "calico").set("mode", secret(SECRET))))),
                named("a sensitive pod network", () -> single(block("network").set("pod_cidr", secret(SECRET)))),
                named("a sensitive Kubernetes version", () -> Scenario.of(node("m1", "10.0.0.1"),
                        cluster("prod", controlPlane("m1")).set("kubernetes_version", secret(SECRET)))),
                named("a sensitive taint", () -> Scenario.of(node("m1", "10.0.0.1").set("taints",
                        Value.list(Type.STRING, List.of(Value.string(SECRET + ":NoSchedul"))).withSensitive(true)))),
                named("a sensitive node address used twice", () -> {
                    TestBlock first = node("a", "10.0.0.1").set("address", secret(SECRET));
                    return Scenario.of(first, node("b", "10.0.0.2").set("address", secret(SECRET)));
                }));
    }

    private static Value secret(String text)
    {
        return Value.string(text).withSensitive(true);
    }
}
