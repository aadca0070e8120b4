package dev.kiln.state.journal;

import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Severity;
import dev.kiln.state.MalformedDocumentException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The records of a journal file, in the order written, and warnings about lines that could not
 * be read. A cut-off last line (Kiln stopped while writing it) is ignored with a warning; a
 * record that ends where the file ends is kept if it is complete, even without its newline.
 */
public record JournalContents(Path file, List<JournalRecord> records, List<Diagnostic> warnings)
{
    public JournalContents
    {
        requireNonNull(file, "file is null");
        records = List.copyOf(requireNonNull(records, "records is null"));
        warnings = List.copyOf(requireNonNull(warnings, "warnings is null"));
    }

    /** Reads a journal; a missing file is an empty journal. */
    public static JournalContents read(Path file)
            throws IOException
    {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        }
        catch (NoSuchFileException e) {
            return new JournalContents(file, List.of(), List.of());
        }
        List<JournalRecord> records = new ArrayList<>();
        List<Diagnostic> warnings = new ArrayList<>();
        int start = 0;
        int lineNumber = 1;
        while (start < bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            boolean terminated = end < bytes.length;
            String line = new String(bytes, start, end - start, StandardCharsets.UTF_8);
            Optional<JournalRecord> record = parse(line);
            if (record.isPresent()) {
                records.add(record.get());
            }
            else if (!line.isBlank()) {
                warnings.add(terminated ? unreadable(file, lineNumber) : cutOff(file, lineNumber));
            }
            start = end + 1;
            lineNumber++;
        }
        return new JournalContents(file, records, warnings);
    }

    public boolean isEmpty()
    {
        return records.isEmpty() && warnings.isEmpty();
    }

    private static Optional<JournalRecord> parse(String line)
    {
        if (line.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(JournalLines.read(line));
        }
        catch (MalformedDocumentException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Diagnostic cutOff(Path file, int lineNumber)
    {
        return warning("Incomplete journal record",
                ("The last record of %s (line %d) was cut off, because Kiln stopped while writing it; it is ignored. "
                        + "An action whose result was lost is marked for reconciliation and refreshed by the next plan.")
                        .formatted(file, lineNumber));
    }

    private static Diagnostic unreadable(Path file, int lineNumber)
    {
        return warning("Unreadable journal record",
                "Line %d of %s is not a journal record and is ignored; the file may have been edited or damaged.".formatted(lineNumber, file));
    }

    private static Diagnostic warning(String summary, String detail)
    {
        return new Diagnostic(Severity.WARNING, summary, detail, Optional.empty(), Optional.empty());
    }
}
