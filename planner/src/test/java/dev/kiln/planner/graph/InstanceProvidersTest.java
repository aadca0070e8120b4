package dev.kiln.planner.graph;

import dev.kiln.lang.value.Value;
import dev.kiln.planner.PlanScenarios;
import dev.kiln.planner.TestConfig;
import dev.kiln.planner.TestStates;
import dev.kiln.planner.TestTypes;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;
import java.util.Optional;

import static dev.kiln.planner.TestConfig.address;
import static org.junit.jupiter.api.Assertions.assertEquals;

class InstanceProvidersTest
{
    private static final Map<String, Value> NODE = PlanScenarios.node("10.0.0.1", "core");

    @ParameterizedTest(name = "configured {0}, recorded {1}, provider blocks {2}: {3}")
    @DisplayName("An instance uses the provider its configuration names, else the one recorded for it, else the only provider block without alias")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            capi.east | sim.fast | kubeadm           | capi.east
            -         | sim.fast | kubeadm           | sim.fast
            -         | -        | kubeadm capi.east | kubeadm
            -         | -        | sim.fast          | ''
            -         | -        | kubeadm sim       | ''
            -         | -        | ''                | ''
            """)
    void decision(String configured, String recorded, String blocks, String expected)
    {
        TestConfig config = TestConfig.builder().resource("node.a", NODE);
        if (configured != null) {
            config.providerOf("node.a", configured);
        }
        for (String block : blocks.split(" ")) {
            if (!block.isEmpty()) {
                int dot = block.indexOf('.');
                config.provider(dot < 0 ? block : block.substring(0, dot), dot < 0 ? Optional.empty() : Optional.of(block.substring(dot + 1)), Map.of());
            }
        }
        TestStates state = TestStates.builder();
        if (recorded != null) {
            state.instance(TestTypes.NODE, "node.a", NODE).recordedBy("node.a", recorded);
        }
        assertEquals(expected, InstanceProviders.of(config.build(), state.build()).provider(address("node.a")));
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("An instance only the state records uses the provider recorded for it, whatever the configuration's provider blocks")
    @CsvSource({"sim", "capi.east"})
    void orphan(String recorded)
    {
        TestConfig config = TestConfig.builder().provider("kubeadm", Optional.empty(), Map.of());
        TestStates state = TestStates.builder().instance(TestTypes.NODE, "node.gone", NODE).recordedBy("node.gone", recorded);
        assertEquals(recorded, InstanceProviders.of(config.build(), state.build()).provider(address("node.gone")));
    }
}
