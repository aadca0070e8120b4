package dev.kiln.lang.examples;

import dev.kiln.lang.config.ConfigLoader;
import dev.kiln.lang.config.LoadResult;
import dev.kiln.lang.config.VariableInputs;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.format.FormatResult;
import dev.kiln.lang.format.Formatter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Every directory under {@code examples/} is a configuration that loads without a single
 * diagnostic, errors and warnings alike, in the layout {@code kiln fmt} gives it. Variables
 * without defaults (secrets) take the fake values of the example's {@code test.kilnvars}, as
 * {@code -var-file=test.kilnvars} would.
 */
class ExamplesTest
{
    static final Path EXAMPLES = Path.of("..", "examples");
    static final String TEST_VARIABLES = "test.kilnvars";
    static final List<String> REQUIRED = List.of(
            "capi-aws-eks",
            "capi-docker",
            "global-cluster",
            "kubeadm-ha",
            "lab-single-node",
            "management-and-service",
            "quickstart",
            "remote-state-minio");

    @Test
    @DisplayName("the eight required examples exist, each with configuration files")
    void requiredExamplesExist()
            throws IOException
    {
        for (String name : REQUIRED) {
            Path directory = EXAMPLES.resolve(name);
            assertTrue(Files.isDirectory(directory), () -> "missing example " + directory);
            assertTrue(!configurationFiles(directory).isEmpty(), () -> "no *.kiln.hcl file in " + directory);
        }
    }

    @TestFactory
    @DisplayName("every example's main file opens with a comment saying how to run it")
    Stream<DynamicTest> everyExampleSaysHowToRunIt()
            throws IOException
    {
        return exampleDirectories().stream()
                .map(directory -> dynamicTest(directory.getFileName().toString(), () -> {
                    String main = Files.readString(directory.resolve("main.kiln.hcl"));
                    assertTrue(main.startsWith("# "), () -> directory + "/main.kiln.hcl does not open with a comment");
                    String command = "./kiln -chdir=examples/" + directory.getFileName();
                    assertTrue(main.contains(command), () -> directory + "/main.kiln.hcl does not show " + command);
                }));
    }

    @TestFactory
    @DisplayName("every example file is in canonical layout, so kiln fmt -check passes on it")
    Stream<DynamicTest> everyExampleIsFormatted()
            throws IOException
    {
        List<Path> files = new ArrayList<>();
        for (Path directory : exampleDirectories()) {
            files.addAll(configurationFiles(directory));
            Path variables = directory.resolve(TEST_VARIABLES);
            if (Files.isRegularFile(variables)) {
                files.add(variables);
            }
        }
        return files.stream().map(file -> dynamicTest(EXAMPLES.relativize(file).toString(), () -> {
            String source = Files.readString(file);
            FormatResult result = Formatter.format(file.toString(), source);
            assertEquals(List.of(), result.diagnostics(), () -> file + " does not parse");
            assertEquals(source, result.formatted(), () -> file + " is not in canonical layout; run ./kiln fmt -recursive examples");
        }));
    }

    @TestFactory
    @DisplayName("every example loads with no error and no warning")
    Stream<DynamicTest> everyExampleLoadsCleanly()
            throws IOException
    {
        return exampleDirectories().stream()
                .map(directory -> dynamicTest(directory.getFileName().toString(), () -> assertLoadsCleanly(directory)));
    }

    private static void assertLoadsCleanly(Path directory)
    {
        LoadResult result = load(directory);
        if (!result.diagnostics().isEmpty()) {
            fail(result.diagnostics().stream()
                    .sorted()
                    .map(Diagnostic::toString)
                    .collect(Collectors.joining("\n", directory + " has " + result.diagnostics().size() + " diagnostics:\n", "")));
        }
        assertTrue(result.config().isPresent(), () -> directory + " produced no configuration");
    }

    /** Loads an example as {@code kiln validate -var-file=test.kilnvars} would (without the option when it has no such file). */
    static LoadResult load(Path directory)
    {
        Path file = directory.resolve(TEST_VARIABLES);
        VariableInputs inputs = Files.isRegularFile(file) ? VariableInputs.builder().variableFile(file).build() : VariableInputs.none();
        return ConfigLoader.load(directory, inputs);
    }

    static List<Path> exampleDirectories()
            throws IOException
    {
        try (Stream<Path> entries = Files.list(EXAMPLES)) {
            return entries.filter(Files::isDirectory).sorted().toList();
        }
    }

    static List<Path> configurationFiles(Path directory)
            throws IOException
    {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(path -> path.getFileName().toString().endsWith(ConfigLoader.FILE_SUFFIX)).sorted().toList();
        }
    }
}
