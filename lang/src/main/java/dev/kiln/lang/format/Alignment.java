package dev.kiln.lang.format;

import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * Vertical alignment across runs of consecutive lines, as {@code terraform fmt} does it:
 * first the {@code =} of single-line attributes (and object items), then end-of-line
 * comments. Any line without the cell (a blank line, a block header, a whole-line comment,
 * the first line of a multi-line value) ends the run.
 */
final class Alignment
{
    private Alignment() {}

    static void align(List<Line> lines)
    {
        alignRuns(lines, Line::hasAssign, Line::leadEnd);
        alignRuns(lines, Line::hasComment, Line::codeEnd);
    }

    /** Pads the cell starting at {@code cellStart} on every line of each run of lines that {@code inRun}. */
    private static void alignRuns(List<Line> lines, Predicate<Line> inRun, ToIntFunction<Line> cellStart)
    {
        int runStart = 0;
        while (runStart < lines.size()) {
            if (!inRun.test(lines.get(runStart))) {
                runStart++;
                continue;
            }
            int runEnd = runStart;
            int widest = 0;
            while (runEnd < lines.size() && inRun.test(lines.get(runEnd))) {
                Line line = lines.get(runEnd);
                widest = Math.max(widest, line.columnAt(cellStart.applyAsInt(line)));
                runEnd++;
            }
            for (Line line : lines.subList(runStart, runEnd)) {
                int start = cellStart.applyAsInt(line);
                line.setSpacesBefore(start, widest - line.columnAt(start) + 1);
            }
            runStart = runEnd;
        }
    }
}
