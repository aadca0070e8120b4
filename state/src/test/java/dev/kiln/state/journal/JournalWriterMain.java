package dev.kiln.state.journal;

import dev.kiln.lang.addr.InstanceKey;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.state.StateJson;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Run as a separate process by {@link JournalKillTest}: appends intents and results to the
 * journal named by its argument as fast as it can, printing each record's sequence once the
 * append has returned (an intent forced to disk, a result written to the file), until it is
 * killed.
 */
public final class JournalWriterMain
{
    private JournalWriterMain() {}

    public static void main(String[] arguments)
            throws IOException
    {
        try (Journal journal = Journal.open(Path.of(arguments[0]), "run-killed", Clock.systemUTC())) {
            for (int i = 0; i < 1_000_000; i++) {
                ResourceAddress address = new ResourceAddress("node", "w", new InstanceKey.Index(i));
                JournalRecord.Intent intent = journal.intent(address, JournalAction.CREATE, "sim", List.of(), StateJson.object().put("index", i));
                System.out.println("intent " + intent.sequence());
                if (i % 3 != 2) {
                    journal.succeeded(intent, Optional.of(StateJson.object().put("id", "n-" + i)), List.of());
                    System.out.println("result " + intent.sequence());
                }
            }
        }
    }
}
