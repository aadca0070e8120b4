package dev.kiln.lang.diag;

/**
 * A point in a source file: 1-based line and column (column counts Unicode code points),
 * 0-based byte offset into the UTF-8 encoding of the file.
 */
public record Position(int line, int column, int byteOffset)
        implements Comparable<Position>
{
    public static final Position START = new Position(1, 1, 0);

    public Position
    {
        if (line < 1 || column < 1 || byteOffset < 0) {
            throw new IllegalArgumentException("invalid position " + line + ":" + column + "@" + byteOffset);
        }
    }

    @Override
    public int compareTo(Position other)
    {
        return Integer.compare(byteOffset, other.byteOffset);
    }

    @Override
    public String toString()
    {
        return line + ":" + column;
    }
}
