package dev.kiln.lang.format;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Golden pairs under {@code src/test/resources/format}: {@code NAME.in.kiln.hcl} formats to
 * {@code NAME.out.kiln.hcl}. Run with {@code -Dgolden.update=true} to rewrite the outputs,
 * then review the diff.
 */
class FormatterGoldenTest
{
    static final Path GOLDEN_DIRECTORY = Path.of("src", "test", "resources", "format");
    private static final String INPUT_SUFFIX = ".in.kiln.hcl";
    private static final String OUTPUT_SUFFIX = ".out.kiln.hcl";

    static Stream<String> cases()
            throws IOException
    {
        try (Stream<Path> files = Files.list(GOLDEN_DIRECTORY)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(INPUT_SUFFIX))
                    .map(name -> name.substring(0, name.length() - INPUT_SUFFIX.length()))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @DisplayName("formats each golden input to its golden output")
    void formatsToGoldenOutput(String name)
            throws IOException
    {
        FormatResult result = Formatter.format(name + INPUT_SUFFIX, input(name));
        assertFalse(result.hasErrors(), () -> "unexpected errors: " + result.diagnostics());
        Path outputFile = GOLDEN_DIRECTORY.resolve(name + OUTPUT_SUFFIX);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(outputFile, result.formatted());
        }
        assertEquals(Files.readString(outputFile), result.formatted());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @DisplayName("formatting keeps the syntax tree: the output parses to the input's shape")
    void keepsSyntaxTree(String name)
    {
        String input = input(name);
        String formatted = Formatter.format(name + INPUT_SUFFIX, input).formatted();
        assertEquals(AstShape.of(name, input), AstShape.of(name, formatted));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @DisplayName("formatting changes only whitespace")
    void changesOnlyWhitespace(String name)
    {
        String input = input(name);
        String formatted = Formatter.format(name + INPUT_SUFFIX, input).formatted();
        assertEquals(withoutWhitespace(input), withoutWhitespace(formatted));
    }

    static String input(String name)
    {
        try {
            return Files.readString(GOLDEN_DIRECTORY.resolve(name + INPUT_SUFFIX));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String withoutWhitespace(String text)
    {
        return text.replaceAll("\\s+", "");
    }
}
