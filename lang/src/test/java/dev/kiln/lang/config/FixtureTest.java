package dev.kiln.lang.config;

import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.SourceRange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every directory under {@code fixtures/} holding {@code *.kiln.hcl} files is one
 * configuration whose expected diagnostics are written inline, on the line where each
 * diagnostic's subject starts: {@code # ERROR: Unsupported argument} or
 * {@code // WARNING: ...}, several per line allowed. A diagnostic located outside the
 * fixture's files is expected as {@code # ERROR@-var: summary} (its file name after the
 * {@code @}, or {@code none} when it has no location), anywhere in the fixture. Header lines
 * {@code # VAR: name=value}, {@code # VAR-FILE: file} and {@code # ENV: KILN_VAR_x=value}
 * give variable inputs in the order written; a variable file is a {@code *.hcl} file of the
 * fixture not ending in {@code .kiln.hcl}, and may carry expectations too. A fixture without
 * expectations must load cleanly and produce a configuration.
 */
class FixtureTest
{
    private static final Path ROOT = Path.of("src/test/resources/fixtures");
    private static final Pattern EXPECTATION = Pattern.compile(
            "(?:#|//)\\s*(ERROR|WARNING)(?:@(\\S+))?:\\s*(.*?)\\s*(?=(?:#|//)\\s*(?:ERROR|WARNING)(?:@\\S+)?:|$)");
    private static final Pattern HEADER = Pattern.compile("^\\s*(?:#|//)\\s*(VAR|VAR-FILE|ENV):\\s*(.*?)\\s*$");

    static Stream<String> fixtures()
            throws IOException
    {
        try (Stream<Path> paths = Files.walk(ROOT)) {
            return paths.filter(Files::isDirectory)
                    .filter(FixtureTest::holdsConfiguration)
                    .map(path -> ROOT.relativize(path).toString())
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    @DisplayName("a fixture reports exactly the diagnostics written in its comments, each with a detail and a range inside its file")
    void fixture(String name)
            throws IOException
    {
        Path directory = ROOT.resolve(name);
        Map<String, String> files = sources(directory);
        VariableInputs.Builder inputs = VariableInputs.builder();
        List<String> expected = new ArrayList<>();
        files.forEach((file, text) -> readComments(directory, file, text, inputs, expected));
        LoadResult result = ConfigLoader.load(directory, inputs.build());
        List<String> actual = result.diagnostics().stream().map(diagnostic -> key(diagnostic, directory, files)).sorted().toList();
        String report = result.diagnostics().stream().map(Diagnostic::toString).collect(Collectors.joining("\n  ", "\n  ", ""));
        assertEquals(expected.stream().sorted().toList(), actual, "diagnostics of " + name + ":" + report);
        for (Diagnostic diagnostic : result.diagnostics()) {
            assertFalse(diagnostic.detail().isBlank(), "empty detail: " + diagnostic);
            diagnostic.subject().ifPresent(range -> assertInside(range, result.sources(), diagnostic));
        }
        if (expected.isEmpty()) {
            assertTrue(result.config().isPresent(), "a clean fixture yields a configuration");
        }
        if (result.hasErrors()) {
            assertTrue(result.config().isEmpty(), "no configuration when there are errors");
        }
    }

    private static boolean holdsConfiguration(Path directory)
    {
        try (Stream<Path> files = Files.list(directory)) {
            return files.anyMatch(path -> path.getFileName().toString().endsWith(ConfigLoader.FILE_SUFFIX));
        }
        catch (IOException exception) {
            throw new IllegalStateException(exception);
        }
    }

    /** Every HCL file of the fixture (configuration and variable files), by name. */
    private static Map<String, String> sources(Path directory)
            throws IOException
    {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.list(directory)) {
            for (Path path : paths.filter(path -> path.getFileName().toString().endsWith(".hcl")).sorted().toList()) {
                files.put(path.getFileName().toString(), Files.readString(path, StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    private static void readComments(Path directory, String file, String text, VariableInputs.Builder inputs, List<String> expected)
    {
        List<String> lines = text.lines().toList();
        for (int index = 0; index < lines.size(); index++) {
            String line = lines.get(index);
            Matcher header = HEADER.matcher(line);
            if (header.matches()) {
                switch (header.group(1)) {
                    case "VAR" -> inputs.variable(header.group(2));
                    case "VAR-FILE" -> inputs.variableFile(directory.resolve(header.group(2)));
                    case "ENV" -> {
                        String[] entry = header.group(2).split("=", 2);
                        inputs.environment(Map.of(entry[0], entry.length > 1 ? entry[1] : ""));
                    }
                    default -> fail("unknown header " + header.group(1));
                }
                continue;
            }
            Matcher matcher = EXPECTATION.matcher(line);
            while (matcher.find()) {
                String where = matcher.group(2) != null ? matcher.group(2) + ":0" : file + ":" + (index + 1);
                expected.add(where + " " + matcher.group(1) + ": " + matcher.group(3));
            }
        }
    }

    private static String key(Diagnostic diagnostic, Path directory, Map<String, String> files)
    {
        String where = diagnostic.subject()
                .map(range -> {
                    String file = directory.equals(Path.of(range.filename()).getParent()) ? Path.of(range.filename()).getFileName().toString() : range.filename();
                    return files.containsKey(file) ? file + ":" + range.start().line() : file + ":0";
                })
                .orElse("none:0");
        return where + " " + diagnostic.severity() + ": " + diagnostic.summary();
    }

    private static void assertInside(SourceRange range, Map<String, String> sources, Diagnostic diagnostic)
    {
        String source = sources.get(range.filename());
        if (source == null) {
            assertTrue(range.filename().startsWith("-var") || range.filename().startsWith(VariableInputs.ENVIRONMENT_PREFIX),
                    "subject in an unknown file: " + diagnostic);
            return;
        }
        int bytes = source.getBytes(StandardCharsets.UTF_8).length;
        long lines = source.lines().count() + 1;
        assertTrue(range.end().byteOffset() <= bytes && range.end().line() <= lines, "subject beyond the end of its file: " + diagnostic);
        assertTrue(range.start().line() >= 1 && range.start().byteOffset() <= range.end().byteOffset(), "subject out of order: " + diagnostic);
    }
}
