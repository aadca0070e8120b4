package dev.kiln.cli.view;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Position;
import dev.kiln.lang.diag.SourceRange;

import static java.util.Objects.requireNonNull;

/**
 * The source lines a diagnostic points at: the lines of its context range (or of its subject
 * when it has no context), with the part of each line the subject covers.
 *
 * @param firstLine the 1-based number of the first line
 * @param lines the source lines, without line terminators
 * @param highlights one per line: the 1-based code-point columns [start, end) of the subject
 *        on that line, or empty when the subject does not touch the line
 */
record SourceExcerpt(int firstLine, List<String> lines, List<Optional<Columns>> highlights, SourceRange subject)
{
    private static final int MAXIMUM_LINES = 10;

    record Columns(int start, int end) {}

    SourceExcerpt
    {
        lines = List.copyOf(lines);
        highlights = List.copyOf(highlights);
        requireNonNull(subject, "subject is null");
    }

    /** Empty when the diagnostic has no subject or its file's source is not known. */
    static Optional<SourceExcerpt> of(Diagnostic diagnostic, Map<String, String> sources)
    {
        if (diagnostic.subject().isEmpty()) {
            return Optional.empty();
        }
        SourceRange subject = diagnostic.subject().get();
        String source = sources.get(subject.filename());
        if (source == null) {
            return Optional.empty();
        }
        // Split keeping a last empty line, so a problem at the end of the file has a line to point at.
        List<String> allLines = Arrays.stream(source.split("\n", -1)).map(SourceExcerpt::withoutCarriageReturn).toList();
        SourceRange shown = diagnostic.context()
                .filter(context -> context.filename().equals(subject.filename()))
                .map(context -> context.through(subject))
                .orElse(subject);
        int first = Math.min(shown.start().line(), allLines.size());
        int last = Math.min(Math.max(first, lastLine(shown)), allLines.size());
        last = Math.min(last, first + MAXIMUM_LINES - 1);
        if (first < 1) {
            return Optional.empty();
        }
        List<String> lines = new ArrayList<>();
        List<Optional<Columns>> highlights = new ArrayList<>();
        for (int line = first; line <= last; line++) {
            String text = allLines.get(line - 1);
            lines.add(text);
            highlights.add(highlight(subject, line, text));
        }
        return Optional.of(new SourceExcerpt(first, lines, highlights, subject));
    }

    private static String withoutCarriageReturn(String line)
    {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    /** The source lines joined with newlines, as Terraform's JSON snippet {@code code}. */
    String code()
    {
        return String.join("\n", lines);
    }

    /** Byte offsets into {@link #code()} of the subject's start and end (end exclusive). */
    int[] highlightByteOffsets()
    {
        int start = byteOffsetInCode(subject.start());
        int end = Math.max(start, byteOffsetInCode(subject.end()));
        return new int[] {start, end};
    }

    private int byteOffsetInCode(Position position)
    {
        int offset = 0;
        int index = position.line() - firstLine;
        if (index < 0) {
            return 0;
        }
        if (index >= lines.size()) {
            return code().getBytes(StandardCharsets.UTF_8).length;
        }
        for (int i = 0; i < index; i++) {
            offset += lines.get(i).getBytes(StandardCharsets.UTF_8).length + 1;
        }
        String line = lines.get(index);
        int characters = line.offsetByCodePoints(0, Math.min(position.column() - 1, line.codePointCount(0, line.length())));
        return offset + line.substring(0, characters).getBytes(StandardCharsets.UTF_8).length;
    }

    /** The last line a range covers; an end at column 1 of a later line stops on the line before. */
    private static int lastLine(SourceRange range)
    {
        Position end = range.end();
        return end.column() == 1 && end.line() > range.start().line() ? end.line() - 1 : end.line();
    }

    private static Optional<Columns> highlight(SourceRange subject, int line, String text)
    {
        int width = text.codePointCount(0, text.length());
        if (line < subject.start().line() || line > lastLine(subject)) {
            return Optional.empty();
        }
        int start = line == subject.start().line() ? subject.start().column() : firstNonBlankColumn(text);
        int end = line == subject.end().line() ? subject.end().column() : width + 1;
        start = Math.min(start, width + 1);
        end = Math.max(Math.min(end, width + 1), start + 1);
        if (line != subject.start().line() && text.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new Columns(start, end));
    }

    private static int firstNonBlankColumn(String text)
    {
        int column = 1;
        for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
            if (!Character.isWhitespace(text.codePointAt(i))) {
                return column;
            }
            column++;
        }
        return column;
    }
}
