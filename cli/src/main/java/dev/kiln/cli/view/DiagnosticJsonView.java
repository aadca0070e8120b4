package dev.kiln.cli.view;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Position;
import dev.kiln.lang.diag.SourceRange;

/** Diagnostics in the JSON shape of Terraform's {@code validate -json}. */
public final class DiagnosticJsonView
{
    private DiagnosticJsonView() {}

    /** The whole validate document: validity, counts and every diagnostic. */
    public static ObjectNode validateDocument(List<Diagnostic> diagnostics, Map<String, String> sources)
    {
        long errors = diagnostics.stream().filter(Diagnostic::isError).count();
        ObjectNode document = JsonView.object()
                .put("format_version", "1.0")
                .put("valid", errors == 0)
                .put("error_count", errors)
                .put("warning_count", diagnostics.size() - errors);
        ArrayNode array = document.putArray("diagnostics");
        BlockHeaders headers = new BlockHeaders(sources);
        for (Diagnostic diagnostic : diagnostics) {
            array.add(diagnostic(diagnostic, sources, headers));
        }
        return document;
    }

    public static ObjectNode diagnostic(Diagnostic diagnostic, Map<String, String> sources)
    {
        return diagnostic(diagnostic, sources, new BlockHeaders(sources));
    }

    private static ObjectNode diagnostic(Diagnostic diagnostic, Map<String, String> sources, BlockHeaders headers)
    {
        ObjectNode node = JsonView.object()
                .put("severity", diagnostic.isError() ? "error" : "warning")
                .put("summary", diagnostic.summary())
                .put("detail", diagnostic.detail());
        if (diagnostic.subject().isPresent()) {
            node.set("range", range(diagnostic.subject().get()));
        }
        Optional<SourceExcerpt> excerpt = SourceExcerpt.of(diagnostic, sources);
        if (excerpt.isPresent()) {
            int[] highlight = excerpt.get().highlightByteOffsets();
            ObjectNode snippet = node.putObject("snippet");
            Optional<String> context = headers.enclosing(diagnostic.subject().get());
            if (context.isPresent()) {
                snippet.put("context", context.get());
            }
            else {
                snippet.putNull("context");
            }
            snippet.put("code", excerpt.get().code())
                    .put("start_line", excerpt.get().firstLine())
                    .put("highlight_start_offset", highlight[0])
                    .put("highlight_end_offset", highlight[1]);
            snippet.putArray("values");
        }
        return node;
    }

    private static ObjectNode range(SourceRange range)
    {
        ObjectNode node = JsonView.object().put("filename", range.filename());
        node.set("start", position(range.start()));
        node.set("end", position(range.end()));
        return node;
    }

    private static ObjectNode position(Position position)
    {
        return JsonView.object()
                .put("line", position.line())
                .put("column", position.column())
                .put("byte", position.byteOffset());
    }
}
