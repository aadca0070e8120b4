package dev.kiln.cli;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest
{
    @TempDir
    Path directory;

    @Test
    @DisplayName("version prints Kiln's version and platform, and exits 0")
    void version()
    {
        CliRunner.Result result = CliRunner.in(directory).run("version");
        assertEquals(0, result.exitCode());
        assertTrue(result.out().startsWith("Kiln v" + Version.current().kiln() + "\non "), result.out());
        assertEquals("", result.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-json", "--json"})
    @DisplayName("version -json prints a JSON object with kiln_version, platform and java_version")
    void versionJson(String flag)
    {
        CliRunner.Result result = CliRunner.in(directory).run("version", flag);
        assertEquals(0, result.exitCode());
        assertTrue(result.out().startsWith("{\n  \"kiln_version\": \""), result.out());
        assertTrue(result.out().contains("\"platform\": \""), result.out());
        assertTrue(result.out().contains("\"java_version\": \""), result.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-version", "--version"})
    @DisplayName("the -version flag prints the version line")
    void versionFlag(String flag)
    {
        CliRunner.Result result = CliRunner.in(directory).run(flag);
        assertEquals(0, result.exitCode());
        assertEquals("Kiln v" + Version.current().kiln() + "\n", result.out());
    }

    @Test
    @DisplayName("without a command, kiln prints the list of commands")
    void noCommand()
    {
        CliRunner.Result result = CliRunner.in(directory).run();
        assertEquals(0, result.exitCode());
        for (String command : new String[] {"validate", "fmt", "version", "completion", "help"}) {
            assertTrue(result.out().contains("\n  " + command + " "), command + " missing from\n" + result.out());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"help validate", "validate -help", "validate --help", "validate -h"})
    @DisplayName("help for a command shows its usage and options")
    void helpForCommand(String arguments)
    {
        CliRunner.Result result = CliRunner.in(directory).run(arguments.split(" "));
        assertEquals(0, result.exitCode());
        assertTrue(result.out().startsWith("Usage: kiln validate"), result.out());
        assertTrue(result.out().contains("-var-file"), result.out());
        assertTrue(result.out().contains("-json"), result.out());
    }

    @Test
    @DisplayName("completion bash prints picocli's completion script for every command")
    void completionBash()
    {
        CliRunner.Result result = CliRunner.in(directory).run("completion", "bash");
        assertEquals(0, result.exitCode());
        assertTrue(result.out().contains("complete -F _complete_kiln"), result.out());
        assertTrue(result.out().contains("validate"), "commands missing");
        assertTrue(result.out().contains("-recursive"), "fmt options missing");
        assertFalse(result.out().startsWith("autoload"));
    }

    @Test
    @DisplayName("completion zsh loads bash completion support first")
    void completionZsh()
    {
        CliRunner.Result result = CliRunner.in(directory).run("completion", "zsh");
        assertEquals(0, result.exitCode());
        assertTrue(result.out().startsWith("autoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n"));
        assertTrue(result.out().contains("complete -F _complete_kiln"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"frobnicate", "validate -bogus", "completion fish", "fmt -list=maybe"})
    @DisplayName("a usage error says what is wrong and how to get help, and exits 1")
    void usageError(String arguments)
    {
        CliRunner.Result result = CliRunner.in(directory).run(arguments.split(" "));
        assertEquals(1, result.exitCode());
        assertTrue(result.err().startsWith("Error: "), result.err());
        assertTrue(result.err().contains("Run 'kiln"), result.err());
        assertEquals("", result.out());
    }

    @Test
    @DisplayName("an unknown command is named, with the closest command suggested")
    void unknownCommand()
    {
        CliRunner.Result result = CliRunner.in(directory).run("valdate");
        assertEquals(1, result.exitCode());
        assertTrue(result.err().startsWith("Error: Unknown command \"valdate\". Did you mean \"validate\"?\n"), result.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-chdir=%s validate", "--chdir %s validate", "validate -chdir=%s", "validate --chdir=%s", "validate --chdir %s"})
    @DisplayName("-chdir is accepted before or after the command, with one dash or two")
    void chdir(String pattern)
    {
        String arguments = pattern.formatted(Fixtures.directory("valid"));
        CliRunner.Result result = CliRunner.in(directory).run(arguments.split(" "));
        assertEquals("", result.err());
        assertEquals("Success! The configuration is valid.\n", result.out());
        assertEquals(0, result.exitCode());
    }

    @Test
    @DisplayName("-chdir resolves a relative directory against the working directory")
    void chdirRelative()
    {
        CliRunner.Result result = CliRunner.in(Fixtures.ROOT).run("-chdir=invalid", "validate");
        assertEquals(1, result.exitCode());
        assertTrue(result.err().contains("on main.kiln.hcl line 5, in node \"control\":"), result.err());
    }

    @Test
    @DisplayName("-chdir to a missing directory is a usage error")
    void chdirMissing()
    {
        CliRunner.Result result = CliRunner.in(directory).run("-chdir=nowhere", "validate");
        assertEquals(1, result.exitCode());
        assertTrue(result.err().contains("the directory \"nowhere\" does not exist"), result.err());
    }

    @Test
    @DisplayName("on a terminal, diagnostics are colored")
    void colorOnTerminal()
    {
        CliRunner.Result result = CliRunner.in(Fixtures.directory("invalid")).terminal().run("validate");
        assertEquals(1, result.exitCode());
        assertTrue(result.err().contains("\u001B["), result.err());
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    @DisplayName("NO_COLOR, or output that is not a terminal, turns colors off")
    void noColor(boolean terminal)
    {
        CliRunner runner = CliRunner.in(Fixtures.directory("invalid"));
        if (terminal) {
            runner = runner.terminal().environment(Map.of("NO_COLOR", "1"));
        }
        CliRunner.Result result = runner.run("validate");
        assertEquals(1, result.exitCode());
        assertFalse(result.err().contains("\u001B"), result.err());
        CliRunner.Result help = runner.run("help", "validate");
        assertFalse(help.out().contains("\u001B"), help.out());
    }
}
