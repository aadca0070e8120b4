package dev.kiln.lang.format;

import dev.kiln.lang.syntax.Token;

import java.util.List;
import java.util.stream.Collectors;

/** The layout passes over a file's tokens: lines, indentation, spacing, alignment, text. */
final class Layout
{
    private Layout() {}

    static String of(List<Token> tokens)
    {
        List<Line> lines = SourceLines.split(tokens);
        if (lines.isEmpty()) {
            return "";
        }
        Indentation.indent(lines);
        lines.forEach(Spacing::space);
        Alignment.align(lines);
        return lines.stream().map(Line::render).collect(Collectors.joining("\n", "", "\n"));
    }
}
