package dev.kiln.lang.config;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigLoaderRobustnessTest
{
    private static final Path ROOT = Path.of("src/test/resources/fixtures");
    private static final int STEP = 23;

    @TempDir
    Path directory;

    static Stream<Path> files()
            throws IOException
    {
        try (Stream<Path> paths = Files.walk(ROOT)) {
            return paths.filter(path -> path.getFileName().toString().endsWith(ConfigLoader.FILE_SUFFIX)).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    @DisplayName("a configuration cut off anywhere loads without an exception, and errors never come with a configuration")
    void truncated(Path file)
            throws IOException
    {
        String source = Files.readString(file);
        for (int end = 0; end < source.length(); end += STEP) {
            Files.writeString(directory.resolve("main.kiln.hcl"), source.substring(0, end));
            LoadResult result = ConfigLoader.load(directory, VariableInputs.none());
            if (result.hasErrors()) {
                assertTrue(result.config().isEmpty());
            }
            result.diagnostics().forEach(diagnostic -> assertFalse(diagnostic.detail().isBlank(), diagnostic::toString));
        }
    }
}
