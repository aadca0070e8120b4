package dev.kiln.cli;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A configuration that does not load leaves a directory without state as it was. */
class InvalidConfigurationTest
{
    @TempDir
    Path directory;

    @ParameterizedTest
    @ValueSource(strings = {"plan", "plan -out=saved.plan", "apply -auto-approve", "destroy -auto-approve", "refresh", "init"})
    @DisplayName("A command in a directory without state whose configuration has an error reports it and writes neither kiln.state nor .kiln/")
    void writesNothing(String command)
            throws IOException
    {
        Files.writeString(directory.resolve("main.kiln.hcl"), "node \"m1\" {\n  address = \n}\n");

        CliRunner.Result result = CliRunner.in(directory).run(command.split(" "));

        assertEquals(ExitCodes.ERROR, result.exitCode(), result.out());
        assertTrue((result.out() + result.err()).contains("Error"), result.out() + result.err());
        try (Stream<Path> files = Files.list(directory)) {
            assertEquals(List.of(directory.resolve("main.kiln.hcl")), files.toList());
        }
    }
}
