package dev.kiln.executors.ssh;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.TreeMap;

/**
 * A command's output as it arrives: split into lines for the host log, kept whole for the
 * result, and its tail kept for errors: the last {@value #TAIL_LINES} lines of both streams,
 * plus the last {@value #ERROR_TAIL_LINES} of stderr when stdout pushed them out (the streams
 * arrive independently, and the error message is the line that matters).
 */
final class OutputLines
{
    static final int TAIL_LINES = 20;
    static final int ERROR_TAIL_LINES = 5;

    private final Deque<Line> tail = new ArrayDeque<>();
    private final Deque<Line> errorTail = new ArrayDeque<>();
    private long sequence;
    private final StringBuilder stdout = new StringBuilder();
    private final StringBuilder stderr = new StringBuilder();

    synchronized void add(boolean standardError, String line)
    {
        (standardError ? stderr : stdout).append(line).append('\n');
        Line numbered = new Line(sequence++, line);
        keepLast(tail, numbered, TAIL_LINES);
        if (standardError) {
            keepLast(errorTail, numbered, ERROR_TAIL_LINES);
        }
    }

    synchronized String stdout()
    {
        return stdout.toString();
    }

    synchronized String stderr()
    {
        return stderr.toString();
    }

    synchronized List<String> tail()
    {
        TreeMap<Long, String> lines = new TreeMap<>();
        for (Line line : errorTail) {
            lines.put(line.sequence(), line.text());
        }
        for (Line line : tail) {
            lines.put(line.sequence(), line.text());
        }
        return new ArrayList<>(lines.values());
    }

    private static void keepLast(Deque<Line> lines, Line line, int limit)
    {
        lines.addLast(line);
        if (lines.size() > limit) {
            lines.removeFirst();
        }
    }

    private record Line(long sequence, String text) {}

    /** Splits bytes into UTF-8 lines; a line without its newline stays pending until more arrives or {@link #finish()}. */
    static final class Splitter
    {
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        List<String> feed(byte[] buffer, int length)
        {
            List<String> lines = new ArrayList<>();
            int start = 0;
            for (int index = 0; index < length; index++) {
                if (buffer[index] == '\n') {
                    pending.write(buffer, start, index - start);
                    lines.add(take());
                    start = index + 1;
                }
            }
            pending.write(buffer, start, length - start);
            return lines;
        }

        /** The partial line received so far, without consuming it. */
        String peek()
        {
            return pending.toString(StandardCharsets.UTF_8);
        }

        void replacePending(String text)
        {
            pending.reset();
            pending.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        }

        List<String> finish()
        {
            return pending.size() == 0 ? List.of() : List.of(take());
        }

        private String take()
        {
            String line = pending.toString(StandardCharsets.UTF_8);
            pending.reset();
            return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        }
    }
}
