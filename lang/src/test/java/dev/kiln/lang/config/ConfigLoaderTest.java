package dev.kiln.lang.config;

import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.value.Value;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigLoaderTest
{
    @TempDir
    Path directory;

    @Test
    @DisplayName("with unset variables allowed (validate), a variable without value or default is unknown, and so are count and for_each built from it")
    void unsetVariablesAllowed()
    {
        ConfigFixtures.write(directory, "main.kiln.hcl", """
                variable "workers" {
                  type = number
                }
                variable "zones" {
                  type = set(string)
                }
                node "w" {
                  count   = var.workers
                  address = "10.0.0.${count.index + 1}"
                  adress  = "typo"
                }
                node "z" {
                  for_each = var.zones
                  address  = each.key
                }
                """);
        LoadResult strict = ConfigLoader.load(directory, VariableInputs.none());
        assertEquals(List.of("No value for required variable", "No value for required variable"), summaries(strict).subList(0, 2));
        LoadResult lenient = ConfigLoader.load(directory, VariableInputs.none().withUnsetAllowed());
        assertEquals(List.of("Unsupported argument"), summaries(lenient), "the body of a counted block is still checked once");
    }

    @Test
    @DisplayName("a file that is not UTF-8 and a missing variables file are errors that say why in words")
    void unreadableFiles()
            throws java.io.IOException
    {
        java.nio.file.Files.write(directory.resolve("broken.kiln.hcl"), new byte[] {'a', ' ', '=', ' ', (byte) 0xff, (byte) 0xfe, '\n'});
        ConfigFixtures.write(directory, "main.kiln.hcl", "locals {\n  a = 1\n}\n");
        LoadResult result = ConfigLoader.load(directory, VariableInputs.builder().variableFile(directory.resolve("absent.hcl")).build());
        List<String> details = result.diagnostics().stream().map(Diagnostic::detail).toList();
        assertTrue(details.stream().anyMatch(detail -> detail.endsWith("could not be read: it is not UTF-8 text (Kiln reads configuration and variables files as UTF-8).")), details.toString());
        assertTrue(details.stream().anyMatch(detail -> detail.endsWith("could not be read: it does not exist.")), details.toString());
    }

    @Test
    @DisplayName("a missing directory is one clear error without a location")
    void missingDirectory()
    {
        LoadResult result = ConfigLoader.load(directory.resolve("absent"), VariableInputs.none());
        assertEquals(List.of("Configuration directory not found"), summaries(result));
        assertTrue(result.config().isEmpty());
    }

    @Test
    @DisplayName("a directory without *.kiln.hcl files is an error; other files and sub-directories are not read")
    void noFiles()
    {
        ConfigFixtures.write(directory, "main.tf", "node \"a\" {}\n");
        ConfigFixtures.write(directory.resolve("nested"), "main.kiln.hcl", "node \"a\" {}\n");
        LoadResult result = ConfigLoader.load(directory, VariableInputs.none());
        assertEquals(List.of("No configuration files"), summaries(result));
    }

    @Test
    @DisplayName("all files of the directory form one configuration; sources are keyed by file name")
    void filesTogether()
    {
        ConfigFixtures.write(directory, "b.kiln.hcl", "locals {\n  b = local.a + 1\n}\n");
        ConfigFixtures.write(directory, "a.kiln.hcl", "locals {\n  a = 1\n}\noutput \"b\" {\n  value = local.b\n}\n");
        LoadResult result = ConfigLoader.load(directory, VariableInputs.none());
        assertEquals(Set.of("a.kiln.hcl", "b.kiln.hcl"), result.sources().keySet());
        Config config = result.config().orElseThrow();
        assertEquals(Value.number(2), config.outputs().get("b").value());
        assertEquals(Value.number(2), config.locals().get("b"));
    }

    @Test
    @DisplayName("the source hash is stable for the same files and changes with any edit")
    void sourceHash()
    {
        String first = ConfigFixtures.loadClean(directory, "locals {\n  a = 1\n}\n", VariableInputs.none()).sourceHash();
        String again = ConfigFixtures.loadClean(directory, "locals {\n  a = 1\n}\n", VariableInputs.none()).sourceHash();
        String edited = ConfigFixtures.loadClean(directory, "locals {\n  a = 2\n}\n", VariableInputs.none()).sourceHash();
        assertEquals(first, again);
        assertNotEquals(first, edited);
        assertEquals(64, first.length());
    }

    @Test
    @DisplayName("path.module is the configuration directory, relative: \".\"")
    void pathModule()
    {
        Config config = ConfigFixtures.loadClean(directory, "output \"where\" {\n  value = path.module\n}\n", VariableInputs.none());
        assertEquals(Value.string("."), config.outputs().get("where").value());
    }

    @Test
    @DisplayName("an output declared sensitive has a sensitive value; its description is kept")
    void sensitiveOutput()
    {
        Config config = ConfigFixtures.loadClean(directory, """
                output "token" {
                  value       = "abc"
                  sensitive   = true
                  description = "An access token."
                }
                """, VariableInputs.none());
        Output token = config.outputs().get("token");
        assertTrue(token.sensitive() && token.value().sensitive());
        assertEquals("An access token.", token.description());
    }

    @Test
    @DisplayName("a reference to an undeclared resource suggests a close name, or the same name of another type")
    void undeclaredResourceSuggestions()
    {
        LoadResult result = ConfigFixtures.load(directory, """
                node "m1" {
                  address = "10.0.0.1"
                }
                output "close" {
                  value = node.m2.address
                }
                output "other_type" {
                  value = cluster.m1.endpoint
                }
                """);
        assertEquals(List.of(
                        "A resource \"node\" \"m2\" has not been declared. Did you mean \"m1\"?",
                        "A resource \"cluster\" \"m1\" has not been declared. Did you mean \"node.m1\"?"),
                result.diagnostics().stream().map(Diagnostic::detail).toList());
    }

    private static List<String> summaries(LoadResult result)
    {
        return result.diagnostics().stream().map(Diagnostic::summary).toList();
    }
}
