package dev.kiln.lang.syntax;

import dev.kiln.lang.diag.Diagnostic;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Data-driven parser cases from {@code parse-cases.txt}: each case is a snippet and the
 * canonical rendering of its AST, followed by its diagnostics ({@code error LINE:COLUMN Summary}).
 * A title starting with {@code expr:} parses one expression, {@code template:} a standalone
 * template; anything else a configuration file. Regenerate with {@code -Dgolden.update=true}
 * and review the diff.
 */
class ParserCasesTest
{
    static List<Arguments> cases()
            throws IOException
    {
        String text;
        try (InputStream input = ParserCasesTest.class.getResourceAsStream("parse-cases.txt")) {
            text = new String(input.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Arguments> cases = new ArrayList<>();
        StringBuilder updated = new StringBuilder();
        for (String chunk : text.split("(?m)^=== ")) {
            if (chunk.isBlank() || chunk.startsWith("#")) {
                updated.append(chunk);
                continue;
            }
            int titleEnd = chunk.indexOf('\n');
            String title = chunk.substring(0, titleEnd);
            String rest = chunk.substring(titleEnd + 1);
            int separator = rest.indexOf("\n---\n");
            String source = rest.substring(0, separator).replace("␉", "\t");
            String expected = rest.substring(separator + 5).strip();
            cases.add(arguments(title, source, expected));
            updated.append("=== ").append(title).append('\n').append(rest, 0, separator).append("\n---\n")
                    .append(render(title, source)).append('\n');
        }
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(Path.of("src/test/resources/dev/kiln/lang/syntax/parse-cases.txt"), updated.toString());
        }
        return cases;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void parsesToExpectedTree(String title, String source, String expected)
    {
        assertEquals(expected, render(title, source));
    }

    static String render(String title, String source)
    {
        String tree;
        List<Diagnostic> diagnostics;
        if (title.startsWith("expr:") || title.startsWith("template:")) {
            Parser.ExpressionResult result = title.startsWith("expr:") ? Parser.parseExpression("t", source) : Parser.parseTemplate("t", source);
            tree = result.expression().map(AstPrinter::print).orElse("<none>");
            diagnostics = result.diagnostics();
        }
        else {
            Parser.ParseResult result = Parser.parse("t", source);
            tree = AstPrinter.print(result.file().body());
            diagnostics = result.diagnostics();
        }
        String errors = diagnostics.stream()
                .map(diagnostic -> "error " + diagnostic.subject().map(range -> range.start().line() + ":" + range.start().column()).orElse("-")
                        + " " + diagnostic.summary())
                .collect(Collectors.joining("\n"));
        String shown = tree.isEmpty() ? "<empty>" : tree;
        return errors.isEmpty() ? shown : shown + "\n" + errors;
    }
}
