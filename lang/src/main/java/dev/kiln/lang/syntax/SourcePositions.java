package dev.kiln.lang.syntax;

import dev.kiln.lang.diag.Position;
import dev.kiln.lang.diag.SourceRange;

import java.util.Arrays;

import static java.util.Objects.requireNonNull;

/**
 * Turns the code-point indexes ANTLR works with into positions: 1-based line, 1-based
 * column in code points, 0-based byte offset in the UTF-8 encoding.
 */
final class SourcePositions
{
    private final String filename;
    private final int[] byteOffsets;
    private final int[] charOffsets;
    private final int[] lineStarts;
    private final int codePointCount;
    private int lastLine;

    SourcePositions(String filename, String source)
    {
        this.filename = requireNonNull(filename, "filename is null");
        int[] codePoints = source.codePoints().toArray();
        codePointCount = codePoints.length;
        byteOffsets = new int[codePointCount + 1];
        charOffsets = new int[codePointCount + 1];
        int[] starts = new int[16];
        int lines = 1;
        for (int index = 0; index < codePointCount; index++) {
            byteOffsets[index + 1] = byteOffsets[index] + utf8Length(codePoints[index]);
            charOffsets[index + 1] = charOffsets[index] + Character.charCount(codePoints[index]);
            if (codePoints[index] == '\n') {
                if (lines == starts.length) {
                    starts = Arrays.copyOf(starts, lines * 2);
                }
                starts[lines++] = index + 1;
            }
        }
        lineStarts = Arrays.copyOf(starts, lines);
    }

    String filename()
    {
        return filename;
    }

    int codePointCount()
    {
        return codePointCount;
    }

    /** The index in the Java string of code point {@code index} (clamped to the text). */
    int charIndex(int index)
    {
        return charOffsets[Math.clamp(index, 0, codePointCount)];
    }

    /** The position before the code point at {@code index} (clamped to the text). */
    Position at(int index)
    {
        int clamped = Math.clamp(index, 0, codePointCount);
        int line = lineOf(clamped);
        return new Position(line + 1, clamped - lineStarts[line] + 1, byteOffsets[clamped]);
    }

    /**
     * The zero-based line holding code point {@code index}. The syntax tree is built front to
     * back, so the line of the previous lookup (or the next one) usually answers at once.
     */
    private int lineOf(int index)
    {
        int last = lastLine;
        if (lineStarts[last] <= index && (last + 1 == lineStarts.length || index < lineStarts[last + 1])) {
            return last;
        }
        int line = Arrays.binarySearch(lineStarts, index);
        if (line < 0) {
            line = -line - 2;
        }
        lastLine = line;
        return line;
    }

    /** The range from code point {@code start} (inclusive) to {@code end} (exclusive). */
    SourceRange range(int start, int end)
    {
        int first = Math.clamp(start, 0, codePointCount);
        return new SourceRange(filename, at(first), at(Math.max(first, end)));
    }

    private static int utf8Length(int codePoint)
    {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }
}
