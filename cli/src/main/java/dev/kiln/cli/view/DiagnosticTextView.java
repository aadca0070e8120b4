package dev.kiln.cli.view;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Position;
import dev.kiln.lang.diag.SourceRange;

import static java.util.Objects.requireNonNull;

/**
 * Renders diagnostics for people, as Terraform does: the severity and summary, the file and
 * line, the source lines with a caret underline below the subject, then the detail wrapped.
 * Errors go to standard error and warnings to standard output.
 */
public final class DiagnosticTextView
{
    private static final int WIDTH = 78;

    private final PrintStream out;
    private final PrintStream err;
    private final Styles styles;

    public DiagnosticTextView(PrintStream out, PrintStream err, Styles styles)
    {
        this.out = requireNonNull(out, "out is null");
        this.err = requireNonNull(err, "err is null");
        this.styles = requireNonNull(styles, "styles is null");
    }

    public void render(List<Diagnostic> diagnostics, Map<String, String> sources)
    {
        BlockHeaders headers = new BlockHeaders(sources);
        for (Diagnostic diagnostic : diagnostics) {
            PrintStream stream = diagnostic.isError() ? err : out;
            stream.print(format(diagnostic, sources, headers));
            stream.flush();
        }
    }

    /** One diagnostic as text, ending with a blank line. */
    private String format(Diagnostic diagnostic, Map<String, String> sources, BlockHeaders headers)
    {
        StringBuilder text = new StringBuilder();
        String label = diagnostic.severity().label() + ": ";
        text.append(diagnostic.isError() ? styles.red(label) : styles.yellow(label))
                .append(styles.bold(diagnostic.summary()))
                .append("\n\n");
        diagnostic.subject()
                .filter(subject -> sources.containsKey(subject.filename()) || !isSynthetic(subject))
                .ifPresent(subject -> appendLocation(text, diagnostic, subject, sources, headers));
        for (String line : wrap(diagnostic.detail(), WIDTH)) {
            text.append(line).append('\n');
        }
        if (!diagnostic.detail().isEmpty()) {
            text.append('\n');
        }
        return text.toString();
    }

    /**
     * A range made for a value from outside any file (a command-line option, the environment):
     * "on -target line 1" would point nowhere, so no location is printed; the detail names
     * where the value came from.
     */
    private static boolean isSynthetic(SourceRange subject)
    {
        return subject.start().equals(Position.START) && subject.end().equals(Position.START);
    }

    private void appendLocation(StringBuilder text, Diagnostic diagnostic, SourceRange subject, Map<String, String> sources, BlockHeaders headers)
    {
        text.append("  on ").append(subject.filename()).append(" line ").append(subject.start().line());
        headers.enclosing(subject).ifPresent(header -> text.append(", in ").append(header));
        text.append(":\n");
        SourceExcerpt.of(diagnostic, sources).ifPresent(excerpt -> appendExcerpt(text, excerpt, diagnostic.isError()));
        text.append('\n');
    }

    private void appendExcerpt(StringBuilder text, SourceExcerpt excerpt, boolean error)
    {
        for (int index = 0; index < excerpt.lines().size(); index++) {
            String line = excerpt.lines().get(index);
            text.append(String.format("%4d: ", excerpt.firstLine() + index)).append(line.stripTrailing()).append('\n');
            Optional<SourceExcerpt.Columns> columns = excerpt.highlights().get(index);
            if (columns.isPresent()) {
                String carets = "^".repeat(columns.get().end() - columns.get().start());
                text.append("      ")
                        .append(indentationBelow(line, columns.get().start()))
                        .append(error ? styles.red(carets) : styles.yellow(carets))
                        .append('\n');
            }
        }
    }

    /** Spaces up to the code point column {@code column}, keeping the line's tabs so carets line up. */
    private static String indentationBelow(String line, int column)
    {
        StringBuilder padding = new StringBuilder();
        int index = 0;
        for (int current = 1; current < column && index < line.length(); current++) {
            int codePoint = line.codePointAt(index);
            padding.append(codePoint == '\t' ? '\t' : ' ');
            index += Character.charCount(codePoint);
        }
        return padding.toString();
    }

    /** Wraps each paragraph at {@code width}; lines that start with a space are kept as they are. */
    static List<String> wrap(String text, int width)
    {
        List<String> result = new ArrayList<>();
        if (text.isEmpty()) {
            return result;
        }
        for (String line : text.split("\n", -1)) {
            if (line.isEmpty() || Character.isWhitespace(line.charAt(0)) || line.length() <= width) {
                result.add(line);
                continue;
            }
            StringBuilder current = new StringBuilder();
            for (String word : line.split(" ")) {
                if (!current.isEmpty() && current.length() + 1 + word.length() > width) {
                    result.add(current.toString());
                    current.setLength(0);
                }
                if (!current.isEmpty()) {
                    current.append(' ');
                }
                current.append(word);
            }
            result.add(current.toString());
        }
        return result;
    }
}
