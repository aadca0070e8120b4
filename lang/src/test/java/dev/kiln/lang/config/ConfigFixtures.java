package dev.kiln.lang.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small configurations into a test's temporary directory. */
final class ConfigFixtures
{
    private ConfigFixtures() {}

    static Path write(Path directory, String filename, String text)
    {
        try {
            Files.createDirectories(directory);
            return Files.writeString(directory.resolve(filename), text);
        }
        catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
    }

    static LoadResult load(Path directory, String text)
    {
        write(directory, "main.kiln.hcl", text);
        return ConfigLoader.load(directory, VariableInputs.none());
    }

    static Config loadClean(Path directory, String text, VariableInputs inputs)
    {
        write(directory, "main.kiln.hcl", text);
        LoadResult result = ConfigLoader.load(directory, inputs);
        return result.config().orElseThrow(() -> new AssertionError("expected a clean load, got " + result.diagnostics()));
    }
}
