package dev.kiln.lang.format;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Two spaces per open bracket level, {@code terraform fmt}'s way: a line that opens more
 * brackets than it closes starts a level for the lines after it; a line that closes more
 * than it opens ends the levels it closes and is itself indented at the level it returns
 * to. Several brackets opened on one line (<code>[{</code>) make a single level. A line
 * that opens as many brackets as it closes (<code>}, {</code>) stays at the inner level,
 * exactly as {@code terraform fmt} leaves it.
 */
final class Indentation
{
    private static final int SPACES_PER_LEVEL = 2;

    private Indentation() {}

    static void indent(List<Line> lines)
    {
        // Each entry: how many brackets the line that opened this level left open.
        Deque<Integer> levels = new ArrayDeque<>();
        for (Line line : lines) {
            if (line.isBlank()) {
                continue;
            }
            int change = line.bracketChange();
            if (change < 0) {
                close(levels, -change);
            }
            line.setSpacesBefore(0, SPACES_PER_LEVEL * levels.size());
            if (change > 0) {
                levels.push(change);
            }
        }
    }

    private static void close(Deque<Integer> levels, int closed)
    {
        int remaining = closed;
        while (remaining > 0 && !levels.isEmpty()) {
            int open = levels.pop();
            if (remaining < open) {
                levels.push(open - remaining);
            }
            remaining -= open;
        }
    }
}
