package dev.kiln.lang.config;

import dev.kiln.lang.value.Value;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VariablePrecedenceTest
{
    private static final String DECLARATION = """
            variable "region" {
              type    = string
              default = "default"
            }
            """;

    @TempDir
    Path directory;

    /**
     * {@code sources}: space-separated inputs in command-line order: {@code env:X},
     * {@code var:X} (a -var) or {@code file:X} (a -var-file assigning X).
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                         | default
            env:environment            | environment
            var:flag                   | flag
            file:file                  | file
            env:environment var:flag   | flag
            var:flag env:environment   | flag
            var:first file:second      | second
            file:first var:second      | second
            file:first file:second     | second
            var:first var:second       | second
            """)
    @DisplayName("default < environment < -var and -var-file options, later options winning")
    void precedence(String sources, String expected)
    {
        VariableInputs.Builder inputs = VariableInputs.builder();
        int files = 0;
        for (String source : sources.isBlank() ? List.<String>of() : List.of(sources.split(" "))) {
            String[] parts = source.split(":", 2);
            switch (parts[0]) {
                case "env" -> inputs.environment(Map.of("KILN_VAR_region", parts[1]));
                case "var" -> inputs.variable("region=" + parts[1]);
                case "file" -> inputs.variableFile(ConfigFixtures.write(directory.resolve("inputs"), "values" + files++ + ".hcl", "region = \"" + parts[1] + "\"\n"));
                default -> throw new IllegalArgumentException(source);
            }
        }
        Config config = ConfigFixtures.loadClean(directory.resolve("config"), DECLARATION, inputs.build());
        assertEquals(Value.string(expected), config.variables().get("region").value());
    }

    @Test
    @DisplayName("-var and environment values are strings without a type or for primitive types, and HCL expressions otherwise")
    void parsingModes()
    {
        Config config = ConfigFixtures.loadClean(directory, """
                variable "count_text" {
                  type = number
                }
                variable "untyped" {}
                variable "anything" {
                  type = any
                }
                variable "zones" {
                  type = list(string)
                }
                variable "sizes" {
                  type = map(number)
                }
                """, VariableInputs.builder()
                .variable("count_text=3")
                .variable("untyped=[1, 2]")
                .variable("anything=[1, 2]")
                .variable("zones=[\"a\", \"b\"]")
                .environment(Map.of("KILN_VAR_sizes", "{ small = 1 }", "PATH", "/bin"))
                .build());
        assertEquals(Value.number(3), config.variables().get("count_text").value());
        assertEquals(Value.string("[1, 2]"), config.variables().get("untyped").value());
        assertEquals("[1, 2]", config.variables().get("anything").value().toSourceForm());
        assertEquals("[\"a\", \"b\"]", config.variables().get("zones").value().toSourceForm());
        assertEquals("{\"small\" = 1}", config.variables().get("sizes").value().toSourceForm());
    }

    @Test
    @DisplayName("a sensitive variable's value stays marked, and a value with '=' keeps everything after the first one")
    void sensitiveAndEquals()
    {
        Config config = ConfigFixtures.loadClean(directory, """
                variable "token" {
                  type      = string
                  sensitive = true
                }
                """, VariableInputs.builder().variable("token=a=b").build());
        Variable token = config.variables().get("token");
        assertTrue(token.sensitive());
        assertTrue(token.value().sensitive());
        assertEquals("a=b", ((Value.StringValue) token.value()).value());
    }

    @Test
    @DisplayName("a -var without '=' is an error without a source location")
    void malformedAssignment()
    {
        ConfigFixtures.write(directory, "main.kiln.hcl", DECLARATION);
        LoadResult result = ConfigLoader.load(directory, VariableInputs.builder().variable("region").build());
        assertEquals(List.of("Invalid -var option"), result.diagnostics().stream().map(diagnostic -> diagnostic.summary()).toList());
        assertTrue(result.diagnostics().getFirst().subject().isEmpty());
    }
}
