package dev.kiln.lang.syntax;

import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Diagnostics;
import org.antlr.v4.runtime.Token;

/** Decodes the text of template literal tokens and reports invalid escape sequences. */
final class LiteralText
{
    private final SourcePositions positions;
    private final Diagnostics diagnostics;

    LiteralText(SourcePositions positions, Diagnostics diagnostics)
    {
        this.positions = positions;
        this.diagnostics = diagnostics;
    }

    /** Unescapes {@code $${} and {@code %%{}, and in quoted strings the backslash escapes. */
    String decode(Token token, boolean backslashEscapes)
    {
        String raw = token.getText();
        StringBuilder text = new StringBuilder(raw.length());
        int codePointOffset = 0;
        int index = 0;
        while (index < raw.length()) {
            char current = raw.charAt(index);
            if ((current == '$' || current == '%') && raw.startsWith(current == '$' ? "$${" : "%%{", index)) {
                text.append(current).append('{');
                index += 3;
                codePointOffset += 3;
                continue;
            }
            if (current == '\\' && backslashEscapes) {
                int consumed = escape(raw, index, token.getStartIndex() + codePointOffset, text);
                index += consumed;
                codePointOffset += raw.codePointCount(index - consumed, index);
                continue;
            }
            int codePoint = raw.codePointAt(index);
            text.appendCodePoint(codePoint);
            index += Character.charCount(codePoint);
            codePointOffset++;
        }
        return text.toString();
    }

    /** Appends the escaped character; returns how many chars of {@code raw} the escape used. */
    private int escape(String raw, int index, int position, StringBuilder text)
    {
        if (index + 1 >= raw.length()) {
            invalid(position, 1, "A backslash must be followed by an escape sequence selector; use \"\\\\\" for a literal backslash.");
            text.append('\\');
            return 1;
        }
        char selector = raw.charAt(index + 1);
        switch (selector) {
            case 'n' -> text.append('\n');
            case 'r' -> text.append('\r');
            case 't' -> text.append('\t');
            case '"' -> text.append('"');
            case '\\' -> text.append('\\');
            case 'u', 'U' -> {
                return unicodeEscape(raw, index, position, selector == 'u' ? 4 : 8, text);
            }
            default -> {
                int codePoint = raw.codePointAt(index + 1);
                invalid(position, 2, "The symbol \"" + Character.toString(codePoint) + "\" is not a valid escape sequence selector."
                        + " Use \\n, \\r, \\t, \\\", \\\\, \\uNNNN or \\UNNNNNNNN; write \"\\\\\" for a literal backslash.");
                text.appendCodePoint(codePoint);
                return 1 + Character.charCount(codePoint);
            }
        }
        return 2;
    }

    private int unicodeEscape(String raw, int index, int position, int digits, StringBuilder text)
    {
        int start = index + 2;
        int end = start;
        while (end < raw.length() && end - start < digits && Character.digit(raw.charAt(end), 16) >= 0) {
            end++;
        }
        String selector = digits == 4 ? "\\u" : "\\U";
        if (end - start < digits) {
            invalid(position, end - index, "The " + selector + " escape sequence must be followed by " + digits + " hexadecimal digits.");
            return end - index;
        }
        int codePoint = Integer.parseUnsignedInt(raw, start, end, 16);
        if (codePoint < 0 || codePoint > Character.MAX_CODE_POINT) {
            invalid(position, end - index, "The escape sequence " + raw.substring(index, end) + " is not a Unicode code point.");
            return end - index;
        }
        text.appendCodePoint(codePoint);
        return end - index;
    }

    private void invalid(int position, int length, String detail)
    {
        diagnostics.add(Diagnostic.error("Invalid escape sequence", detail, positions.range(position, position + length)));
    }

    static boolean isSpace(int codePoint)
    {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint) || codePoint == 0x85;
    }

    static String stripLeading(String text)
    {
        int index = 0;
        while (index < text.length() && isSpace(text.codePointAt(index))) {
            index += Character.charCount(text.codePointAt(index));
        }
        return text.substring(index);
    }

    static String stripTrailing(String text)
    {
        int end = text.length();
        while (end > 0 && isSpace(text.codePointBefore(end))) {
            end -= Character.charCount(text.codePointBefore(end));
        }
        return text.substring(0, end);
    }
}
