package dev.kiln.lang.syntax;

import dev.kiln.lang.ast.Attribute;
import dev.kiln.lang.ast.Block;
import dev.kiln.lang.ast.Body;
import dev.kiln.lang.ast.Expression;
import dev.kiln.lang.ast.ObjectItem;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Position;
import dev.kiln.lang.value.Value;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The structure-and-diagnostics side of HCL's specification suite: inputs whose {@code .t}
 * expects a result parse without errors; inputs whose {@code .t} lists diagnostics produce
 * exactly those errors, each from and to the listed line, column and byte. (Values are compared by the
 * evaluator's suite runner.) The suite is found at {@code ../../shared/conformance/hcl-specsuite}
 * from the module directory, or wherever {@code -Dhcl.specsuite=DIR} or {@code HCL_SPECSUITE} says.
 */
class SpecSuiteSyntaxTest
{
    /** Expected diagnostics that come from decoding against the case's {@code .hcldec} schema, not from parsing. */
    private static final Map<String, String> SCHEMA_DIAGNOSTICS = Map.of(
            "structure/attributes/unexpected", "the argument \"c\" is valid syntax; only the .hcldec schema rejects it");

    static Path suite()
    {
        Optional<String> configured = Optional.ofNullable(System.getProperty("hcl.specsuite")).or(() -> Optional.ofNullable(System.getenv("HCL_SPECSUITE")));
        if (configured.isPresent()) {
            return Path.of(configured.get());
        }
        return Stream.of("../../shared/conformance/hcl-specsuite", "../../../shared/conformance/hcl-specsuite", "/work/shared/conformance/hcl-specsuite")
                .map(Path::of)
                .filter(Files::isDirectory)
                .findFirst()
                .orElse(Path.of("../../shared/conformance/hcl-specsuite"));
    }

    static List<String> cases()
            throws IOException
    {
        Path suite = suite();
        assertTrue(Files.isDirectory(suite), "HCL spec suite not found at " + suite.toAbsolutePath() + "; set -Dhcl.specsuite=DIR");
        try (Stream<Path> files = Files.walk(suite)) {
            return files.filter(file -> file.toString().endsWith(".hcl"))
                    .filter(file -> Files.exists(expectationsOf(file)))
                    .map(file -> suite.relativize(file).toString().replace('\\', '/'))
                    .map(name -> name.substring(0, name.length() - ".hcl".length()))
                    .sorted()
                    .toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @DisplayName("spec-suite inputs parse cleanly or report errors exactly where the suite expects them")
    void matchesSuiteExpectations(String name)
            throws IOException
    {
        Path input = suite().resolve(name + ".hcl");
        Body expectations = parseExpectations(expectationsOf(input));
        List<Diagnostic> errors = Parser.parse(input.getFileName().toString(), Files.readString(input)).diagnostics().stream()
                .filter(Diagnostic::isError)
                .toList();
        List<Block> expected = expectations.blocks().stream()
                .filter(block -> block.type().equals("diagnostics"))
                .flatMap(block -> block.body().blocks().stream())
                .filter(block -> block.type().equals("error"))
                .toList();
        if (expected.isEmpty() || SCHEMA_DIAGNOSTICS.containsKey(name)) {
            assertEquals(List.of(), errors, "expected no syntax errors");
            return;
        }
        List<String> expectedRanges = expected.stream()
                .map(error -> render(position(error, "from"), position(error, "to")))
                .toList();
        List<String> actualRanges = errors.stream()
                .map(diagnostic -> render(diagnostic.subject().orElseThrow().start(), diagnostic.subject().orElseThrow().end()))
                .toList();
        assertEquals(expectedRanges, actualRanges, () -> "errors: " + errors);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"expressions/heredoc", "expressions/primitive_literals"})
    @DisplayName("literal strings and heredocs (indentation, flush, Unicode normalization) decode to the suite's expected strings")
    void decodesLiteralStrings(String name)
            throws IOException
    {
        Path input = suite().resolve(name + ".hcl");
        Parser.ParseResult parsed = Parser.parse(input.toString(), Files.readString(input));
        assertFalse(parsed.hasErrors(), () -> parsed.diagnostics().toString());
        Map<String, String> actual = new TreeMap<>();
        for (Attribute attribute : parsed.file().body().attributes()) {
            collectStrings(attribute.name(), attribute.expression(), actual);
        }
        Attribute result = parseExpectations(expectationsOf(input)).attributes().stream()
                .filter(attribute -> attribute.name().equals("result"))
                .findFirst()
                .orElseThrow();
        Map<String, String> expected = new TreeMap<>();
        collectStrings("", result.expression(), expected);
        Map<String, String> expectedPresent = new TreeMap<>(expected);
        expectedPresent.keySet().retainAll(actual.keySet());
        assertTrue(expectedPresent.size() >= 4, "too few literal strings compared: " + expectedPresent.keySet());
        Map<String, String> actualCompared = new TreeMap<>(actual);
        actualCompared.keySet().retainAll(expectedPresent.keySet());
        assertEquals(expectedPresent, actualCompared);
    }

    /** Literal-only strings by path ({@code flush.tabs}); object keys are bare names or literal strings. */
    private static void collectStrings(String path, Expression expression, Map<String, String> strings)
    {
        String prefix = path.isEmpty() ? "" : path + ".";
        switch (expression) {
            case Expression.ObjectConstructor object -> {
                for (ObjectItem item : object.items()) {
                    Optional<String> key = item.bareKey()
                            ? Optional.of(((Expression.ScopeTraversal) item.key()).traversal().rootName())
                            : TemplateBuilder.literalValue(item.key());
                    key.ifPresent(name -> collectStrings(prefix + name, item.value(), strings));
                }
            }
            case Expression.Template template -> TemplateBuilder.literalValue(template).ifPresent(text -> strings.put(path, text));
            default -> { }
        }
    }

    private static String render(Position from, Position to)
    {
        return from.line() + ":" + from.column() + "@" + from.byteOffset() + "-" + to.line() + ":" + to.column() + "@" + to.byteOffset();
    }

    private static Path expectationsOf(Path input)
    {
        String file = input.getFileName().toString();
        return input.resolveSibling(file.substring(0, file.length() - ".hcl".length()) + ".t");
    }

    private static Body parseExpectations(Path file)
    {
        try {
            Parser.ParseResult result = Parser.parse(file.toString(), Files.readString(file));
            assertFalse(result.hasErrors(), () -> "the expectations file itself must parse: " + result.diagnostics());
            return result.file().body();
        }
        catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private static Position position(Block error, String name)
    {
        Body body = error.body().blocks().stream().filter(block -> block.type().equals(name)).findFirst().orElseThrow().body();
        return new Position(number(body, "line"), number(body, "column"), number(body, "byte"));
    }

    private static int number(Body body, String name)
    {
        Attribute attribute = body.attributes().stream().filter(candidate -> candidate.name().equals(name)).findFirst().orElseThrow();
        Value value = ((Expression.Literal) attribute.expression()).value();
        return ((Value.NumberValue) value).value().intValueExact();
    }
}
