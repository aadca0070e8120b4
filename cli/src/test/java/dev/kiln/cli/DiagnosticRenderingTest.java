package dev.kiln.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.cli.view.DiagnosticJsonView;
import dev.kiln.cli.view.DiagnosticTextView;
import dev.kiln.cli.view.Styles;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Position;
import dev.kiln.lang.diag.Severity;
import dev.kiln.lang.diag.SourceRange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DiagnosticRenderingTest
{
    private static final String SOURCE = """
            cluster "prod" {
              network {
            \tpod_cidr = "10.244.0.0/33"
                service_cidr = "10.96.0.0/12"
              }
              worker_pool "gpu" {
                replicas = "three"
              }
            }
            """;
    private static final Map<String, String> SOURCES = Map.of("main.kiln.hcl", SOURCE);

    @Test
    @DisplayName("text rendering: summary, location, numbered source lines, carets under the subject, wrapped detail")
    void text()
    {
        List<Diagnostic> diagnostics = List.of(
                Diagnostic.error("Invalid CIDR", "The prefix length of \"10.244.0.0/33\" is larger than 32, the size of an IPv4 address. "
                        + "Use a prefix length between 0 and 32, such as \"10.244.0.0/16\".", span("33", "33")),
                new Diagnostic(Severity.ERROR, "Incorrect attribute value type", "Inappropriate value for attribute \"replicas\": a number is required.",
                        Optional.of(span("\"three\"", "\"three\"")), Optional.of(span("worker_pool", "\"three\"\n  }"))),
                Diagnostic.warning("Deprecated attribute", "The attribute \"service_cidr\" moves to the cluster block.", span("service_cidr", "service_cidr")),
                Diagnostic.errorWithoutSource("Failed to read variables file", "The file \"prod.vars.hcl\" does not exist."));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        new DiagnosticTextView(stream(out), stream(err), new Styles(false)).render(diagnostics, SOURCES);
        Golden.assertMatches("rendering-errors.txt", err.toString(StandardCharsets.UTF_8));
        Golden.assertMatches("rendering-warnings.txt", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("JSON rendering: range with line, column and byte; snippet code with byte offsets of the subject")
    void json()
    {
        Diagnostic diagnostic = new Diagnostic(Severity.ERROR, "Incorrect attribute value type", "A number is required.",
                Optional.of(span("\"three\"", "\"three\"")), Optional.of(span("worker_pool", "\"three\"\n  }")));
        JsonNode node = DiagnosticJsonView.diagnostic(diagnostic, SOURCES);
        assertEquals(7, node.at("/range/start/line").asInt());
        assertEquals(16, node.at("/range/start/column").asInt());
        assertEquals(SOURCE.indexOf("\"three\""), node.at("/range/start/byte").asInt());
        assertEquals(6, node.at("/snippet/start_line").asInt());
        assertEquals("cluster \"prod\"", node.at("/snippet/context").asText());
        String code = node.at("/snippet/code").asText();
        assertEquals("  worker_pool \"gpu\" {\n    replicas = \"three\"\n  }", code);
        int start = node.at("/snippet/highlight_start_offset").asInt();
        int end = node.at("/snippet/highlight_end_offset").asInt();
        assertEquals("\"three\"", code.substring(start, end));
    }

    /** The range from the start of {@code from} to the end of the first {@code to} after it. */
    private static SourceRange span(String from, String to)
    {
        int start = SOURCE.indexOf(from);
        int end = SOURCE.indexOf(to, start) + to.length();
        return new SourceRange("main.kiln.hcl", position(start), position(end));
    }

    private static Position position(int index)
    {
        String before = SOURCE.substring(0, index);
        int line = (int) before.chars().filter(character -> character == '\n').count() + 1;
        int column = index - (before.lastIndexOf('\n') + 1) + 1;
        return new Position(line, column, before.getBytes(StandardCharsets.UTF_8).length);
    }

    private static PrintStream stream(ByteArrayOutputStream buffer)
    {
        return new PrintStream(buffer, true, StandardCharsets.UTF_8);
    }
}
