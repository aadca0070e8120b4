package dev.kiln.lang.syntax;

import dev.kiln.lang.diag.SourceRange;

import static java.util.Objects.requireNonNull;

/**
 * A lexical token as tools outside the parser see it (the formatter): ANTLR's tokens never
 * leave this package. {@code text} is the exact source text, so concatenating every token's
 * text reproduces the file.
 */
public record Token(TokenKind kind, String text, SourceRange range)
{
    public Token
    {
        requireNonNull(kind, "kind is null");
        requireNonNull(text, "text is null");
        requireNonNull(range, "range is null");
    }
}
