package dev.kiln.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValidateCommandTest
{
    @Test
    @DisplayName("a valid configuration prints Success! and exits 0")
    void valid()
    {
        CliRunner.Result result = CliRunner.in(Fixtures.directory("valid")).run("validate");
        assertEquals("", result.err());
        assertEquals("Success! The configuration is valid.\n", result.out());
        assertEquals(0, result.exitCode());
    }

    @Test
    @DisplayName("an invalid configuration prints each diagnostic with its source line and a caret underline, and exits 1")
    void invalid()
    {
        CliRunner.Result result = CliRunner.in(Fixtures.directory("invalid")).run("validate");
        assertEquals(1, result.exitCode());
        assertEquals("", result.out());
        Golden.assertMatches("validate-invalid.txt", result.err());
    }

    @Test
    @DisplayName("validate -json prints Terraform's validate document")
    void invalidJson()
            throws Exception
    {
        CliRunner.Result result = CliRunner.in(Fixtures.directory("invalid")).run("validate", "-json");
        assertEquals(1, result.exitCode());
        assertEquals("", result.err());
        Golden.assertMatches("validate-invalid.json", result.out());

        JsonNode document = new ObjectMapper().readTree(result.out());
        assertEquals(false, document.get("valid").asBoolean());
        assertTrue(document.get("error_count").asInt() >= 1);
        JsonNode diagnostic = document.get("diagnostics").get(0);
        assertEquals("error", diagnostic.get("severity").asText());
        assertEquals("main.kiln.hcl", diagnostic.at("/range/filename").asText());
        JsonNode snippet = diagnostic.get("snippet");
        String code = snippet.get("code").asText();
        String highlighted = code.substring(snippet.get("highlight_start_offset").asInt(), snippet.get("highlight_end_offset").asInt());
        assertEquals("bogus", highlighted);
    }

    @Test
    @DisplayName("every problem of every file is reported, ordered by file and position, with suggestions for near names")
    void manyErrors()
    {
        CliRunner.Result text = CliRunner.in(Fixtures.directory("many-errors")).run("validate");
        assertEquals(1, text.exitCode());
        Golden.assertMatches("validate-many-errors.txt", text.err());
        CliRunner.Result json = CliRunner.in(Fixtures.directory("many-errors")).run("validate", "-json");
        assertEquals(1, json.exitCode());
        Golden.assertMatches("validate-many-errors.json", json.out());
    }

    @Test
    @DisplayName("validate -json on a valid configuration reports valid with no diagnostics")
    void validJson()
            throws Exception
    {
        CliRunner.Result result = CliRunner.in(Fixtures.directory("valid")).run("validate", "--json");
        assertEquals(0, result.exitCode());
        JsonNode document = new ObjectMapper().readTree(result.out());
        assertEquals(true, document.get("valid").asBoolean());
        assertEquals(0, document.get("error_count").asInt());
        assertEquals(0, document.get("warning_count").asInt());
        assertEquals(0, document.get("diagnostics").size());
    }

    @Test
    @DisplayName("a directory without configuration files is an error")
    void noConfigurationFiles(@TempDir Path directory)
    {
        CliRunner.Result result = CliRunner.in(directory).run("validate");
        assertEquals(1, result.exitCode());
        assertTrue(result.err().startsWith("Error: No configuration files\n"), result.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "-var worker_count=2",
            "--var=worker_count=2",
            "-var-file three.kilnvars",
            "--var-file=three.kilnvars",
            "-var worker_count=none -var worker_count=2",
            "-var-file zero.kilnvars -var worker_count=1",
    })
    @DisplayName("-var and -var-file set variables, a later value winning")
    void variables(String arguments)
    {
        CliRunner.Result result = CliRunner.in(Fixtures.directory("variables")).run(("validate " + arguments).split(" "));
        assertEquals("", result.err());
        assertEquals(0, result.exitCode());
    }

    @Test
    @DisplayName("KILN_VAR_name in the environment sets a variable")
    void environmentVariable()
    {
        CliRunner.Result result = CliRunner.in(Fixtures.directory("variables"))
                .environment(Map.of("KILN_VAR_worker_count", "4"))
                .run("validate");
        assertEquals(0, result.exitCode(), result.err());
    }

    @Test
    @DisplayName("a required variable without a value is no error for validate, which checks the configuration for any value")
    void missingVariable()
    {
        CliRunner.Result result = CliRunner.in(Fixtures.directory("variables")).run("validate");
        assertEquals(0, result.exitCode(), result.err());
    }

    @Test
    @DisplayName("a value from a variables file is shown in its own file when it breaks a validation rule")
    void variableFileDiagnostic()
    {
        CliRunner.Result result = CliRunner.in(Fixtures.directory("variables")).run("validate", "-var-file", "zero.kilnvars");
        assertEquals(1, result.exitCode());
        assertTrue(result.err().contains("zero.kilnvars line 1:\n   1: worker_count = 0\n                     ^\n"), result.err());
    }

    @Test
    @DisplayName("the example quick start is valid")
    void quickstart()
    {
        Path quickstart = Path.of("..", "examples", "quickstart");
        CliRunner.Result result = CliRunner.in(Path.of("..")).run("-chdir=" + Path.of("examples", "quickstart"), "validate");
        assertTrue(Files.isDirectory(quickstart));
        assertEquals("", result.err());
        assertEquals(0, result.exitCode());
    }
}
