package dev.kiln.lang.format;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/** Formatting a formatted file changes nothing: golden outputs and the example configurations. */
class FormatterIdempotenceTest
{
    static final Path EXAMPLES_DIRECTORY = Path.of("..", "examples");

    @TestFactory
    @DisplayName("formatting a golden output again leaves it unchanged")
    Stream<DynamicTest> goldenOutputsAreStable()
            throws IOException
    {
        return filesEndingWith(FormatterGoldenTest.GOLDEN_DIRECTORY, ".out.kiln.hcl").stream()
                .map(file -> dynamicTest(file.getFileName().toString(), () -> assertStable(file)));
    }

    @TestFactory
    @DisplayName("formatting an example configuration twice gives the same result as once")
    Stream<DynamicTest> examplesAreStable()
            throws IOException
    {
        if (!Files.isDirectory(EXAMPLES_DIRECTORY)) {
            return Stream.empty();
        }
        return filesEndingWith(EXAMPLES_DIRECTORY, ".kiln.hcl").stream()
                .map(file -> dynamicTest(EXAMPLES_DIRECTORY.relativize(file).toString(), () -> assertFormatsStably(file)));
    }

    private static void assertStable(Path file)
            throws IOException
    {
        String source = Files.readString(file);
        assertEquals(source, Formatter.format(file.toString(), source).formatted());
    }

    private static void assertFormatsStably(Path file)
            throws IOException
    {
        String source = Files.readString(file);
        FormatResult once = Formatter.format(file.toString(), source);
        assertFalse(once.hasErrors(), () -> "unexpected errors: " + once.diagnostics());
        assertEquals(once.formatted(), Formatter.format(file.toString(), once.formatted()).formatted());
        assertEquals(AstShape.of(file.toString(), source), AstShape.of(file.toString(), once.formatted()));
    }

    static List<Path> filesEndingWith(Path directory, String suffix)
            throws IOException
    {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .toList();
        }
    }
}
