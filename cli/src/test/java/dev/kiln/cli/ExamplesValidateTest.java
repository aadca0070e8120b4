package dev.kiln.cli;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("kiln validate on the examples")
class ExamplesValidateTest
{
    private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();

    @TestFactory
    @DisplayName("every example validates through the CLI without giving its variables, as the README promises")
    Stream<DynamicTest> everyExampleValidates()
            throws IOException
    {
        List<Path> directories;
        try (Stream<Path> listing = Files.list(EXAMPLES)) {
            directories = listing.filter(Files::isDirectory).sorted().toList();
        }
        assertTrue(directories.size() >= 8, "expected the eight examples, found " + directories);
        return directories.stream().map(directory -> DynamicTest.dynamicTest(directory.getFileName().toString(), () -> {
            CliRunner.Result result = CliRunner.in(EXAMPLES.getParent()).run("-chdir=" + directory, "validate");
            assertEquals(0, result.exitCode(), result.err());
            assertTrue(result.out().contains("Success! The configuration is valid."), result.out());
        }));
    }

    @Test
    @DisplayName("a variable left unset is unknown to validate, so checks that need its value are skipped, not failed")
    void unsetVariableIsUnknown(@TempDir Path directory)
            throws IOException
    {
        Files.writeString(directory.resolve("main.kiln.hcl"), """
                variable "workers" {
                  type = number
                }

                node "w" {
                  count   = var.workers
                  address = "10.0.0.${count.index + 1}"
                }
                """);
        CliRunner.Result result = CliRunner.in(directory).run("validate");
        assertEquals(0, result.exitCode(), result.err());
    }

    @Test
    @DisplayName("a value that is given is still checked")
    void givenValueIsChecked(@TempDir Path directory)
            throws IOException
    {
        Files.writeString(directory.resolve("main.kiln.hcl"), """
                variable "workers" {
                  type = number
                }
                """);
        CliRunner.Result result = CliRunner.in(directory).run("validate", "-var", "workers=many");
        assertEquals(1, result.exitCode());
        assertTrue(result.err().contains("Invalid value for input variable"), result.err());
    }
}
