package dev.kiln.lang.config.model.rules;

import dev.kiln.lang.config.model.Scenario;
import dev.kiln.lang.config.model.TestBlock;
import dev.kiln.lang.diag.Diagnostic;
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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelRulesTest
{
    @ParameterizedTest(name = "{0}")
    @MethodSource("violations")
    @DisplayName("each rule reports its violation once, as an error at the offending argument")
    void reportsViolation(String name, Supplier<Scenario> scenario)
    {
        Scenario built = scenario.get();
        List<Diagnostic> diagnostics = built.build().diagnostics();
        String expected = built.expectedSummary().orElseThrow();
        List<Diagnostic> matching = diagnostics.stream().filter(diagnostic -> diagnostic.summary().equals(expected)).toList();
        assertEquals(1, matching.size(), () -> "expected one \"" + expected + "\" among " + diagnostics);
        Diagnostic diagnostic = matching.getFirst();
        assertTrue(diagnostic.isError(), diagnostic::toString);
        assertEquals(built.expectedRange(), diagnostic.subject(), diagnostic::toString);
        assertTrue(diagnostic.detail().endsWith(".") || diagnostic.detail().endsWith("?"), diagnostic::toString);
        assertEquals(List.of(diagnostic), diagnostics, "no other diagnostics");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clean")
    @DisplayName("valid and not-yet-known values pass every rule")
    void acceptsValid(String name, Supplier<Scenario> scenario)
    {
        List<Diagnostic> diagnostics = scenario.get().build().diagnostics();
        assertEquals(List.of(), diagnostics);
    }

    static Stream<Arguments> violations()
    {
        return Stream.of(
                ControlPlaneCases.violations(),
                NetworkCases.violations(),
                ClusterCases.violations(),
                ResourceCases.violations())
                .flatMap(stream -> stream);
    }

    static Stream<Arguments> clean()
    {
        return Stream.of(
                ControlPlaneCases.clean(),
                NetworkCases.clean(),
                ClusterCases.clean(),
                ResourceCases.clean())
                .flatMap(stream -> stream);
    }

    static Arguments named(String name, Supplier<Scenario> scenario)
    {
        return Arguments.of(name, scenario);
    }

    /** One node {@code m1} at 10.0.0.1 and a one-node control plane: a valid kubeadm cluster. */
    static Scenario single(TestBlock... nested)
    {
        TestBlock[] blocks = new TestBlock[nested.length + 1];
        blocks[0] = controlPlane("m1");
        System.arraycopy(nested, 0, blocks, 1, nested.length);
        return Scenario.of(node("m1", "10.0.0.1"), cluster("prod", blocks));
    }

    static TestBlock network()
    {
        return block("network");
    }

    static TestBlock[] nodes(int count)
    {
        TestBlock[] nodes = new TestBlock[count];
        for (int i = 0; i < count; i++) {
            nodes[i] = node("n" + i, "10.0.1." + (i + 1));
        }
        return nodes;
    }

    static String[] names(int count)
    {
        String[] names = new String[count];
        for (int i = 0; i < count; i++) {
            names[i] = "n" + i;
        }
        return names;
    }
}
