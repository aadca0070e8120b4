package dev.kiln.executors.apply;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.state.AttributePath;
import dev.kiln.state.State;
import dev.kiln.state.journal.FoldResult;
import dev.kiln.state.journal.Journal;
import dev.kiln.state.journal.JournalAction;
import dev.kiln.state.journal.JournalFold;
import dev.kiln.state.journal.JournalRecord;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Records actions in the write-ahead journal: one line per intent, forced to disk before the
 * driver runs, and one per result, made durable by the next intent's force or by the fold.
 */
final class JournalActionLog
        implements ActionLog
{
    private final Journal journal;

    JournalActionLog(Journal journal)
    {
        this.journal = requireNonNull(journal, "journal is null");
    }

    @Override
    public JournalRecord.Intent intent(ResourceAddress address, JournalAction action, String provider, List<ResourceAddress> dependencies, JsonNode planned)
            throws IOException
    {
        return journal.intent(address, action, provider, dependencies, planned);
    }

    @Override
    public void succeeded(JournalRecord.Intent intent, Optional<JsonNode> attributes, List<AttributePath> sensitivePaths)
            throws IOException
    {
        journal.succeeded(intent, attributes, sensitivePaths);
    }

    @Override
    public void failed(JournalRecord.Intent intent, String error, Optional<JsonNode> partialAttributes, List<AttributePath> sensitivePaths)
            throws IOException
    {
        journal.failed(intent, error, partialAttributes, sensitivePaths);
    }

    @Override
    public FoldResult fold(State prior)
            throws IOException
    {
        journal.sync();
        return JournalFold.fold(prior, journal.contents());
    }
}
