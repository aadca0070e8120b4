package dev.kiln.executors.apply;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.state.AttributePath;
import dev.kiln.state.State;
import dev.kiln.state.journal.FoldResult;
import dev.kiln.state.journal.Journal;
import dev.kiln.state.journal.JournalAction;
import dev.kiln.state.journal.JournalRecord;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Where an apply records each action: the intent before the driver is called and the result
 * after it, then folds what it recorded into the prior state. {@link #journal} is the
 * write-ahead journal every command uses; {@link #inMemory} keeps the records in memory only
 * and exists for the journal-overhead benchmark.
 */
public interface ActionLog
{
    JournalRecord.Intent intent(ResourceAddress address, JournalAction action, String provider, List<ResourceAddress> dependencies, JsonNode planned)
            throws IOException;

    void succeeded(JournalRecord.Intent intent, Optional<JsonNode> attributes, List<AttributePath> sensitivePaths)
            throws IOException;

    void failed(JournalRecord.Intent intent, String error, Optional<JsonNode> partialAttributes, List<AttributePath> sensitivePaths)
            throws IOException;

    /** {@code prior} with every recorded result applied and unfinished actions flagged for reconciliation. */
    FoldResult fold(State prior)
            throws IOException;

    static ActionLog journal(Journal journal)
    {
        return new JournalActionLog(journal);
    }

    static ActionLog inMemory(String runId)
    {
        return new MemoryActionLog(runId);
    }
}
