package dev.kiln.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Compares output with a file under {@code src/test/resources/golden/}. Run the tests with
 * {@code -Dgolden.update=true} to rewrite the files from the current output, then review the diff.
 */
final class Golden
{
    private static final Path DIRECTORY = Path.of("src", "test", "resources", "golden");

    private Golden() {}

    static String read(String name)
    {
        try {
            return Files.readString(DIRECTORY.resolve(name), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void assertMatches(String name, String actual)
    {
        Path file = DIRECTORY.resolve(name);
        try {
            if (Boolean.getBoolean("golden.update")) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                return;
            }
            assertTrue(Files.exists(file), "no golden file " + file + "; run with -Dgolden.update=true to create it");
            assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, "output differs from " + file);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
