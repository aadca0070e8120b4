package dev.kiln.state.journal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.state.AttributePath;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One line of the write-ahead journal. An {@link Intent} is written before an action touches
 * the world, a {@link Result} after it; both carry the run and the action's sequence number,
 * which pair them. JSON attributes must not be modified.
 */
public sealed interface JournalRecord
{
    String runId();

    long sequence();

    Instant at();

    /** The action is about to run: what it is, where, and what it is expected to produce. */
    record Intent(
            String runId,
            long sequence,
            Instant at,
            ResourceAddress address,
            JournalAction action,
            String provider,
            List<ResourceAddress> dependencies,
            JsonNode plannedAttributes)
            implements JournalRecord
    {
        public Intent
        {
            requireNonNull(runId, "runId is null");
            requireNonNull(at, "at is null");
            requireNonNull(address, "address is null");
            requireNonNull(action, "action is null");
            requireNonNull(provider, "provider is null");
            dependencies = requireNonNull(dependencies, "dependencies is null").stream().distinct().sorted().toList();
            plannedAttributes = requireNonNull(plannedAttributes, "plannedAttributes is null").deepCopy();
        }
    }

    /**
     * The action finished. On success, {@code attributes} is the instance's new object (empty
     * after a delete); on failure {@code error} says why and {@code attributes} holds what the
     * driver reports was partly made, if anything.
     */
    record Result(
            String runId,
            long sequence,
            Instant at,
            Optional<JsonNode> attributes,
            List<AttributePath> sensitivePaths,
            Optional<String> error)
            implements JournalRecord
    {
        public Result
        {
            requireNonNull(runId, "runId is null");
            requireNonNull(at, "at is null");
            attributes = requireNonNull(attributes, "attributes is null").map(JsonNode::deepCopy);
            sensitivePaths = requireNonNull(sensitivePaths, "sensitivePaths is null").stream().distinct().sorted().toList();
            requireNonNull(error, "error is null");
        }

        public boolean succeeded()
        {
            return error.isEmpty();
        }
    }
}
