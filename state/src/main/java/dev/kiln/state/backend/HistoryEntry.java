package dev.kiln.state.backend;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/** One kept version of a state: an id to read it back with, its serial and when it was written. */
public record HistoryEntry(String id, long serial, Instant written)
{
    public HistoryEntry
    {
        requireNonNull(id, "id is null");
        requireNonNull(written, "written is null");
    }
}
