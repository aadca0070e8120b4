package dev.kiln.lang.format;

import dev.kiln.lang.syntax.Token;
import dev.kiln.lang.syntax.TokenKind;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a lossless token stream into {@link Line}s: whitespace tokens are dropped (the
 * layout decides all spacing), line comments lose their trailing whitespace, and the blank
 * lines before the first and after the last line with content are dropped. Blank lines
 * between content are kept as written, as {@code terraform fmt} keeps them.
 *
 * <p>Windows line endings become {@code \n} everywhere, also inside the tokens that span
 * lines (heredocs, block comments, strings broken inside an interpolation): a file has one
 * kind of line ending. This is the one change to a heredoc's text, and it drops the
 * carriage returns a Windows checkout put into its value.
 */
final class SourceLines
{
    private SourceLines() {}

    static List<Line> split(List<Token> tokens)
    {
        List<Line> lines = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        for (Token token : tokens) {
            switch (token.kind()) {
                case WHITESPACE -> {}
                case NEWLINE -> {
                    lines.add(Line.of(current));
                    current.clear();
                }
                default -> current.add(normalize(token));
            }
        }
        lines.add(Line.of(current));
        return trimBlankLines(lines);
    }

    private static Token normalize(Token token)
    {
        if (token.kind() == TokenKind.LINE_COMMENT) {
            return new Token(token.kind(), token.text().stripTrailing(), token.range());
        }
        if (token.text().contains("\r\n")) {
            return new Token(token.kind(), token.text().replace("\r\n", "\n"), token.range());
        }
        return token;
    }

    private static List<Line> trimBlankLines(List<Line> lines)
    {
        int first = 0;
        while (first < lines.size() && lines.get(first).isBlank()) {
            first++;
        }
        int last = lines.size();
        while (last > first && lines.get(last - 1).isBlank()) {
            last--;
        }
        return List.copyOf(lines.subList(first, last));
    }
}
