package dev.kiln.executors.apply;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.state.AttributePath;
import dev.kiln.state.State;
import dev.kiln.state.journal.FoldResult;
import dev.kiln.state.journal.JournalAction;
import dev.kiln.state.journal.JournalFold;
import dev.kiln.state.journal.JournalRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** Keeps the records in memory only: nothing survives a crash. For the journal-overhead benchmark. */
final class MemoryActionLog
        implements ActionLog
{
    private final String runId;
    private final List<JournalRecord> records = new ArrayList<>();

    MemoryActionLog(String runId)
    {
        this.runId = requireNonNull(runId, "runId is null");
    }

    @Override
    public synchronized JournalRecord.Intent intent(ResourceAddress address, JournalAction action, String provider, List<ResourceAddress> dependencies, JsonNode planned)
    {
        JournalRecord.Intent intent = new JournalRecord.Intent(runId, records.size() + 1, Instant.now(), address, action, provider, dependencies, planned);
        records.add(intent);
        return intent;
    }

    @Override
    public synchronized void succeeded(JournalRecord.Intent intent, Optional<JsonNode> attributes, List<AttributePath> sensitivePaths)
    {
        records.add(new JournalRecord.Result(runId, intent.sequence(), Instant.now(), attributes, sensitivePaths, Optional.empty()));
    }

    @Override
    public synchronized void failed(JournalRecord.Intent intent, String error, Optional<JsonNode> partialAttributes, List<AttributePath> sensitivePaths)
    {
        records.add(new JournalRecord.Result(runId, intent.sequence(), Instant.now(), partialAttributes, sensitivePaths, Optional.of(error)));
    }

    @Override
    public synchronized FoldResult fold(State prior)
    {
        return JournalFold.fold(prior, List.copyOf(records));
    }
}
