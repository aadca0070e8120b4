package dev.kiln.state.backend.s3;

import dev.kiln.state.backend.HistoryEntry;
import dev.kiln.state.encryption.SealedStateCodec;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Past versions of an S3 state: every changing write is copied on the server to
 * {@code <key>.history/<serial, 20 digits>-<epoch milliseconds>}, so names sort by serial,
 * and the newest {@code limit} are kept.
 */
final class S3History
{
    private static final Pattern NAME = Pattern.compile("(\\d{20})-(\\d{1,18})");

    private final S3Objects objects;
    private final String prefix;
    private final int limit;

    S3History(S3Objects objects, String stateKey, int limit)
    {
        this.objects = objects;
        this.prefix = stateKey + ".history/";
        this.limit = limit;
    }

    /** Keeps the state just written at {@code stateKey} (ETag {@code etag}), then drops versions past the limit. */
    void record(String stateKey, String etag, long serial, Instant written)
    {
        objects.copy(stateKey, etag, prefix + "%020d-%d".formatted(serial, written.toEpochMilli()), "keeping the state's history version");
        List<HistoryEntry> entries = list();
        for (HistoryEntry old : entries.subList(Math.min(limit, entries.size()), entries.size())) {
            objects.delete(prefix + old.id(), "deleting an old history version");
        }
    }

    /** Seals again, with the primary key, every kept version that is plaintext or under the fallback key. */
    void reseal(SealedStateCodec codec)
    {
        for (HistoryEntry entry : list()) {
            String key = prefix + entry.id();
            objects.get(key, "reading a history version").ifPresent(object -> codec.resealed(object.bytes(), key)
                    .ifPresent(sealed -> objects.replaceState(key, sealed, object.etag(), "sealing a history version again")));
        }
    }

    List<HistoryEntry> list()
    {
        return objects.list(prefix, "listing the state history").stream()
                .map(key -> entry(key.substring(prefix.length())))
                .flatMap(Optional::stream)
                .sorted(Comparator.comparingLong(HistoryEntry::serial).thenComparing(HistoryEntry::written).reversed())
                .toList();
    }

    /** The key of a version; empty for anything that is not a version's id, so an id never names another object. */
    Optional<String> key(String id)
    {
        return entry(id).map(entry -> prefix + entry.id());
    }

    private static Optional<HistoryEntry> entry(String name)
    {
        Matcher matcher = NAME.matcher(name);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new HistoryEntry(name, Long.parseLong(matcher.group(1)), Instant.ofEpochMilli(Long.parseLong(matcher.group(2)))));
    }
}
