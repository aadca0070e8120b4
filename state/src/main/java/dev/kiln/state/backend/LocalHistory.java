package dev.kiln.state.backend;

import dev.kiln.state.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Past versions of a local state under {@code .kiln/history/}, one file per changing write
 * named {@code <state file>.<serial>.<epoch milliseconds>}, the newest {@code limit} kept.
 */
final class LocalHistory
{
    private final Path directory;
    private final String stateName;
    private final int limit;
    private final Pattern names;

    LocalHistory(Path directory, String stateName, int limit)
    {
        this.directory = directory;
        this.stateName = stateName;
        this.limit = limit;
        this.names = Pattern.compile(Pattern.quote(stateName) + "\\.(\\d{1,18})\\.(\\d{1,18})");
    }

    void record(Path stateFile, long serial, Instant written)
            throws IOException
    {
        AtomicFiles.preserve(stateFile, directory.resolve(stateName + "." + serial + "." + written.toEpochMilli()));
        List<HistoryEntry> entries = list();
        for (HistoryEntry old : entries.subList(Math.min(limit, entries.size()), entries.size())) {
            Files.deleteIfExists(directory.resolve(old.id()));
        }
        if (entries.size() > limit) {
            AtomicFiles.forceDirectory(directory);
        }
    }

    List<HistoryEntry> list()
            throws IOException
    {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> entry(file.getFileName().toString()))
                    .flatMap(Optional::stream)
                    .sorted(Comparator.comparingLong(HistoryEntry::serial)
                            .thenComparing(HistoryEntry::written)
                            .reversed())
                    .toList();
        }
    }

    /** The file of a listed version; empty for anything else, so an id can never escape the directory. */
    Optional<Path> file(String id)
    {
        return entry(id).map(entry -> directory.resolve(entry.id())).filter(Files::isRegularFile);
    }

    private Optional<HistoryEntry> entry(String name)
    {
        Matcher matcher = names.matcher(name);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new HistoryEntry(name, Long.parseLong(matcher.group(1)), Instant.ofEpochMilli(Long.parseLong(matcher.group(2)))));
    }
}
