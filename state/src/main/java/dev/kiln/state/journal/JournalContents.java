package dev.kiln.state.journal;

import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Severity;
import dev.kiln.state.MalformedDocumentException;
import dev.kiln.state.StateException;
import dev.kiln.state.encryption.Content;
import dev.kiln.state.encryption.StateEncryption;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The records of a journal file, in the order written, and warnings about lines that could not
 * be read. A cut-off last line (Kiln stopped while writing it) is ignored with a warning; a
 * record that ends where the file ends is kept if it is complete, even without its newline.
 * Records may be sealed one by one ({@link StateEncryption}); a complete sealed record that
 * cannot be opened (no key, wrong key, damaged) stops the read with its error rather than
 * being skipped, since skipping it could forget an action that touched the world.
 */
public record JournalContents(Path file, List<JournalRecord> records, List<Diagnostic> warnings)
{
    public JournalContents
    {
        requireNonNull(file, "file is null");
        records = List.copyOf(requireNonNull(records, "records is null"));
        warnings = List.copyOf(requireNonNull(warnings, "warnings is null"));
    }

    /** Reads a journal written without encryption; a missing file is an empty journal. */
    public static JournalContents read(Path file)
            throws IOException
    {
        return read(file, StateEncryption.none());
    }

    /** Reads a journal whose records may be sealed with {@code encryption}'s keys; a missing file is an empty journal. */
    public static JournalContents read(Path file, StateEncryption encryption)
            throws IOException
    {
        requireNonNull(encryption, "encryption is null");
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
            Optional<String> line = plaintext(Arrays.copyOfRange(bytes, start, end), terminated, encryption, file + " line " + lineNumber);
            Optional<JournalRecord> record = line.flatMap(JournalContents::parse);
            if (record.isPresent()) {
                records.add(record.get());
            }
            else if (line.isEmpty() || !line.get().isBlank()) {
                warnings.add(terminated ? unreadable(file, lineNumber) : cutOff(file, lineNumber));
            }
            start = end + 1;
            lineNumber++;
        }
        return new JournalContents(file, records, warnings);
    }

    /**
     * A line's text: itself, or the plaintext of a sealed record; empty for a sealed last line
     * cut off by a crash. A complete sealed line that cannot be opened is an error.
     */
    private static Optional<String> plaintext(byte[] line, boolean terminated, StateEncryption encryption, String source)
    {
        if (!StateEncryption.isSealed(line)) {
            return Optional.of(new String(line, StandardCharsets.UTF_8));
        }
        try {
            return Optional.of(new String(encryption.open(line, Content.JOURNAL_RECORD, source).plaintext(), StandardCharsets.UTF_8));
        }
        catch (StateException e) {
            if (terminated) {
                throw e;
            }
            return Optional.empty();
        }
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
