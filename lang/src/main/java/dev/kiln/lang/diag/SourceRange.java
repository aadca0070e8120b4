package dev.kiln.lang.diag;

import static java.util.Objects.requireNonNull;

/**
 * A span of a source file: {@code start} inclusive, {@code end} exclusive.
 * {@code filename} is the name shown to users (relative to the configuration directory
 * where possible).
 */
public record SourceRange(String filename, Position start, Position end)
        implements Comparable<SourceRange>
{
    public SourceRange
    {
        requireNonNull(filename, "filename is null");
        requireNonNull(start, "start is null");
        requireNonNull(end, "end is null");
        if (end.byteOffset() < start.byteOffset()) {
            throw new IllegalArgumentException("range ends before it starts: " + start + " > " + end);
        }
    }

    /** A range for values that do not come from a file (command line, environment). */
    public static SourceRange synthetic(String name)
    {
        return new SourceRange(name, Position.START, Position.START);
    }

    /** The smallest range covering both. Both must be in the same file. */
    public SourceRange through(SourceRange other)
    {
        Position first = start.compareTo(other.start) <= 0 ? start : other.start;
        Position last = end.compareTo(other.end) >= 0 ? end : other.end;
        return new SourceRange(filename, first, last);
    }

    public boolean contains(Position position)
    {
        return position.byteOffset() >= start.byteOffset() && position.byteOffset() < end.byteOffset();
    }

    @Override
    public int compareTo(SourceRange other)
    {
        int byFile = filename.compareTo(other.filename);
        if (byFile != 0) {
            return byFile;
        }
        int byStart = start.compareTo(other.start);
        return byStart != 0 ? byStart : end.compareTo(other.end);
    }

    /** {@code file:line:column}, as editors and compilers print it. */
    @Override
    public String toString()
    {
        return filename + ":" + start.line() + ":" + start.column();
    }
}
