package dev.kiln.lang.format;

import dev.kiln.lang.syntax.Parser;
import dev.kiln.lang.syntax.Parser.ParseResult;
import dev.kiln.lang.syntax.Tokens;

import static java.util.Objects.requireNonNull;

/**
 * The canonical layout of a Kiln file, {@code terraform fmt}'s: two spaces of indentation
 * per bracket level, single spaces between tokens (none where the rules of {@link Spacing}
 * say so), the {@code =} of neighbouring single-line attributes and their end-of-line
 * comments aligned, no trailing whitespace, {@code \n} line endings and one newline at the
 * end. Only whitespace changes: comments, strings, heredocs and the author's line breaks
 * and blank lines stay as written, so the file means exactly what it meant before.
 * Formatting is idempotent.
 */
public final class Formatter
{
    private Formatter() {}

    /**
     * Lays {@code source} out canonically. A file with syntax errors comes back unchanged,
     * with the parser's diagnostics.
     */
    public static FormatResult format(String filename, String source)
    {
        requireNonNull(filename, "filename is null");
        requireNonNull(source, "source is null");
        ParseResult parsed = Parser.parse(filename, source);
        if (parsed.hasErrors()) {
            return new FormatResult(source, parsed.diagnostics());
        }
        return new FormatResult(Layout.of(Tokens.lex(filename, source)), parsed.diagnostics());
    }
}
