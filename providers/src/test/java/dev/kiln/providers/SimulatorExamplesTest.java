package dev.kiln.providers;

import dev.kiln.lang.config.VariableInputs;
import dev.kiln.planner.diff.PlanOptions;
import dev.kiln.planner.plan.PlanMode;
import dev.kiln.planner.plan.Plan;
import dev.kiln.providers.sim.Datacenter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Every example written for the simulator applies in it, converges, and is destroyed without leaving anything behind. */
class SimulatorExamplesTest
{
    private static final Path EXAMPLES = Path.of("..", "examples");

    @TempDir
    Path directory;

    static List<String> examples()
            throws IOException
    {
        try (Stream<Path> examples = Files.list(EXAMPLES)) {
            return examples.filter(example -> Files.exists(example.resolve("main.kiln.hcl")))
                    .filter(SimulatorExamplesTest::usesSimulator)
                    .map(example -> example.getFileName().toString())
                    .sorted()
                    .toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    @DisplayName("The example applies in the simulator, a second plan has no changes, and destroying empties the datacenter")
    void appliesConvergesAndDestroys(String name)
            throws Exception
    {
        try (Stream<Path> files = Files.list(EXAMPLES.resolve(name))) {
            for (Path file : files.toList()) {
                Files.writeString(directory.resolve(file.getFileName()), Files.readString(file).replaceAll("speed\\s*=\\s*[0-9.]+", "speed = 1000000"));
            }
        }
        VariableInputs inputs = Files.exists(directory.resolve("test.kilnvars"))
                ? VariableInputs.builder().variableFile(directory.resolve("test.kilnvars")).build()
                : VariableInputs.none();
        SimRun run = new SimRun(directory);
        Plan created = run.apply(inputs);
        assertFalse(created.changes().isEmpty());
        assertEquals(List.of(), QuickstartTest.changed(run.applicablePlan(inputs)));
        run.apply(inputs, new PlanOptions(PlanMode.DESTROY, new TreeSet<>(), new TreeSet<>(), true));
        assertEquals(List.of(), List.copyOf(Datacenter.open(directory.resolve(".kiln/sim")).owners()));
    }

    private static boolean usesSimulator(Path example)
    {
        try {
            return Files.readString(example.resolve("main.kiln.hcl")).contains("provider \"sim\"");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
