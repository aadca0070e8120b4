package dev.kiln.state.journal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.lang.addr.ResourceAddress;
import dev.kiln.state.AtomicFiles;
import dev.kiln.state.AttributePath;
import dev.kiln.state.State;
import dev.kiln.state.backend.Backend;
import dev.kiln.state.backend.StateSnapshot;
import dev.kiln.state.backend.WriteResult;
import dev.kiln.state.encryption.Content;
import dev.kiln.state.encryption.StateEncryption;
import dev.kiln.state.lock.LockHandle;

import java.io.Closeable;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * The write-ahead journal of one run ({@code .kiln/journal}): an intent before each action, a
 * result after it, each one line appended, so the cost per action is constant whatever the
 * size of the state. Safe for concurrent actions.
 * <p>
 * An intent is forced to disk before {@link #intent} returns: the driver must not touch the
 * world before the journal says it may have. A result is only written: the file is
 * append-only, so the force of any later intent (or {@link #sync}, which every fold and
 * {@link #close} start with) makes it durable too. A result lost to a crash before that leaves
 * its intent without a result, which the next run folds as an instance to reconcile by
 * refreshing it — the path every interrupted action takes anyway. And no action that depends on
 * it can have touched the world: its own intent's force would have covered the result.
 * <p>
 * A journal left by an earlier run (it stopped before folding) is reported by
 * {@link #leftover()}; {@link #recoverLeftover} folds it into the state ({@link JournalFold}),
 * writes the state and clears the journal. Appending is refused until then. At the end of a
 * run, {@link #commit} does the same with this run's records.
 * <p>
 * With encryption, each record is sealed on its own into one line, so appending stays O(1)
 * and the next command, holding the same keys, reads the records one by one.
 */
public final class Journal
        implements Closeable
{
    public static final String FILE_NAME = "journal";

    private final Path file;
    private final String runId;
    private final Clock clock;
    private final StateEncryption encryption;
    /**
     * The file, written through {@link RandomAccessFile} rather than a {@code FileChannel}: a
     * channel closes itself for every thread when a thread using it is interrupted, and a second
     * Ctrl-C interrupts running actions while they record intents and results; the journal must
     * stay open for the other actions and for the fold.
     */
    private final RandomAccessFile output;
    private final ReentrantLock appending = new ReentrantLock();
    private Optional<JournalContents> leftover;
    private long lastSequence;
    private final Object forcing = new Object();
    private volatile long written;
    private volatile long forced;

    private Journal(Path file, String runId, Clock clock, StateEncryption encryption, RandomAccessFile output, Optional<JournalContents> leftover)
    {
        this.file = file;
        this.runId = runId;
        this.clock = clock;
        this.encryption = encryption;
        this.output = output;
        this.leftover = leftover;
    }

    /** Opens (creating, private to its owner) the journal file for run {@code runId}, without encryption. */
    public static Journal open(Path file, String runId, Clock clock)
            throws IOException
    {
        return open(file, runId, clock, StateEncryption.none());
    }

    /** Opens (creating, private to its owner) the journal file for run {@code runId}, its records sealed by {@code encryption}. */
    public static Journal open(Path file, String runId, Clock clock, StateEncryption encryption)
            throws IOException
    {
        requireNonNull(file, "file is null");
        requireNonNull(runId, "runId is null");
        requireNonNull(clock, "clock is null");
        requireNonNull(encryption, "encryption is null");
        AtomicFiles.createPrivateFile(file);
        JournalContents contents = JournalContents.read(file, encryption);
        RandomAccessFile output = new RandomAccessFile(file.toFile(), "rw");
        try {
            output.seek(output.length());
        }
        catch (IOException e) {
            output.close();
            throw e;
        }
        return new Journal(file, runId, clock, encryption, output, contents.isEmpty() ? Optional.empty() : Optional.of(contents));
    }

    public Path file()
    {
        return file;
    }

    /** What an earlier run left in the journal, to fold into the state before anything else. */
    public Optional<JournalContents> leftover()
    {
        appending.lock();
        try {
            return leftover;
        }
        finally {
            appending.unlock();
        }
    }

    /** Records that an action is about to run; returns the intent to pass to its result. */
    public JournalRecord.Intent intent(
            ResourceAddress address,
            JournalAction action,
            String provider,
            List<ResourceAddress> dependencies,
            JsonNode plannedAttributes)
            throws IOException
    {
        JournalRecord.Intent intent;
        long end;
        appending.lock();
        try {
            requireNoLeftover();
            intent = new JournalRecord.Intent(
                    runId, lastSequence + 1, clock.instant(), address, action, provider, dependencies, plannedAttributes);
            end = append(intent);
            lastSequence = intent.sequence();
        }
        finally {
            appending.unlock();
        }
        forceThrough(end);
        return intent;
    }

    /** Records that an action succeeded (durable at the next force: see above): {@code attributes} is the instance's new object, empty after a delete. */
    public void succeeded(JournalRecord.Intent intent, Optional<JsonNode> attributes, List<AttributePath> sensitivePaths)
            throws IOException
    {
        requireNonNull(intent, "intent is null");
        if (attributes.isPresent() == (intent.action() == JournalAction.DELETE)) {
            throw new IllegalArgumentException(intent.action().label() + " of " + intent.address()
                    + (attributes.isPresent() ? " has no attributes afterwards" : " needs the new attributes"));
        }
        result(new JournalRecord.Result(runId, intent.sequence(), clock.instant(), attributes, sensitivePaths, Optional.empty()));
    }

    /** Records that an action failed (durable at the next force), with what the driver reports was partly made, if anything. */
    public void failed(JournalRecord.Intent intent, String error, Optional<JsonNode> partialAttributes, List<AttributePath> sensitivePaths)
            throws IOException
    {
        requireNonNull(intent, "intent is null");
        requireNonNull(error, "error is null");
        result(new JournalRecord.Result(runId, intent.sequence(), clock.instant(), partialAttributes, sensitivePaths, Optional.of(error)));
    }

    /** Forces every record written so far to disk. */
    public void sync()
            throws IOException
    {
        forceThrough(written);
    }

    /** Everything in the journal now, read back from the file. */
    public JournalContents contents()
            throws IOException
    {
        return JournalContents.read(file, encryption);
    }

    /**
     * Folds what an earlier run left into the stored state (or {@code newState} when nothing is
     * stored), writes it under {@code lock} and clears the journal; empty when nothing was left.
     */
    public Optional<FoldResult> recoverLeftover(Backend backend, LockHandle lock, Supplier<State> newState)
            throws IOException
    {
        requireNonNull(backend, "backend is null");
        requireNonNull(newState, "newState is null");
        Optional<JournalContents> left = leftover();
        if (left.isEmpty()) {
            return Optional.empty();
        }
        State stored = backend.read().map(StateSnapshot::state).orElseGet(newState);
        return Optional.of(write(JournalFold.fold(stored, left.get()), backend, lock));
    }

    /** Folds this run's records into {@code state}, writes the result under {@code lock} and clears the journal. */
    public FoldResult commit(State state, Backend backend, LockHandle lock)
            throws IOException
    {
        requireNonNull(state, "state is null");
        requireNonNull(backend, "backend is null");
        sync();
        return write(JournalFold.fold(state, contents()), backend, lock);
    }

    /** Empties the journal once its records are folded into a state that was written. */
    public void clear()
            throws IOException
    {
        appending.lock();
        try {
            synchronized (forcing) {
                output.setLength(0);
                output.seek(0);
                output.getFD().sync();
                written = 0;
                forced = 0;
            }
            leftover = Optional.empty();
        }
        finally {
            appending.unlock();
        }
    }

    @Override
    public void close()
            throws IOException
    {
        try {
            sync();
        }
        finally {
            output.close();
        }
    }

    private FoldResult write(FoldResult folded, Backend backend, LockHandle lock)
            throws IOException
    {
        WriteResult written = backend.write(folded.state(), requireNonNull(lock, "lock is null"));
        clear();
        return new FoldResult(written.state(), folded.reconciling(), folded.warnings());
    }

    private void result(JournalRecord.Result result)
            throws IOException
    {
        appending.lock();
        try {
            requireNoLeftover();
            append(result);
        }
        finally {
            appending.unlock();
        }
    }

    /** Writes one record (under the appending lock); returns the file position it ends at. */
    private long append(JournalRecord record)
            throws IOException
    {
        output.write(line(record));
        written = output.getFilePointer();
        return written;
    }

    /** A record as the line appended: its JSON, or that sealed. */
    private byte[] line(JournalRecord record)
    {
        String json = JournalLines.write(record);
        if (!encryption.enabled()) {
            return json.getBytes(StandardCharsets.UTF_8);
        }
        byte[] sealed = encryption.seal(json.substring(0, json.length() - 1).getBytes(StandardCharsets.UTF_8), Content.JOURNAL_RECORD);
        byte[] line = Arrays.copyOf(sealed, sealed.length + 1);
        line[sealed.length] = '\n';
        return line;
    }

    /**
     * Returns once everything up to {@code end} is on disk. Group commit: one force covers every
     * record written before it started, so actions running in parallel share fsyncs instead of
     * queueing for one each, and the cost per action stays constant as parallelism grows.
     */
    private void forceThrough(long end)
            throws IOException
    {
        if (forced >= end) {
            return;
        }
        synchronized (forcing) {
            if (forced >= end) {
                return;
            }
            long target = written;
            output.getFD().sync();
            forced = target;
        }
    }

    private void requireNoLeftover()
    {
        if (leftover.isPresent()) {
            throw new IllegalStateException("the journal " + file + " holds records of an earlier run: fold them into the state and clear it first");
        }
    }
}
