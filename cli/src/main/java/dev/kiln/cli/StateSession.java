package dev.kiln.cli;

import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.lang.diag.Severity;
import dev.kiln.state.State;
import dev.kiln.state.StateException;
import dev.kiln.state.backend.StateSnapshot;
import dev.kiln.state.backend.WriteResult;
import dev.kiln.state.backend.s3.S3Backend;
import dev.kiln.state.journal.FoldResult;
import dev.kiln.state.journal.Journal;
import dev.kiln.state.lock.LockHandle;
import dev.kiln.state.lock.LockHeldException;
import dev.kiln.state.lock.LockRequest;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The start and end of every command that writes state: take the lock (retrying up to the
 * lock timeout), fold what an interrupted run left in the journal into the state first (its
 * unfinished actions flagged for reconciliation), and release the lock at the end, also on
 * errors.
 */
final class StateSession
        implements AutoCloseable
{
    private static final DateTimeFormatter RUN_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private static final Duration HOLDER_GRACE = Duration.ofMillis(500);

    private final Workspace workspace;
    private final LockHandle lock;
    private final Journal journal;
    private final String runId;
    private final List<Diagnostic> recoveryDiagnostics;
    private State current;

    private StateSession(Workspace workspace, LockHandle lock, Journal journal, String runId, List<Diagnostic> recoveryDiagnostics, State current)
    {
        this.current = current;
        this.workspace = workspace;
        this.lock = lock;
        this.journal = journal;
        this.runId = runId;
        this.recoveryDiagnostics = List.copyOf(recoveryDiagnostics);
    }

    static StateSession open(Workspace workspace, String operation, Duration lockTimeout)
            throws IOException
    {
        Files.createDirectories(workspace.kilnDirectory());
        LockHandle lock = lock(workspace, LockRequest.forThisProcess(operation, workspace.kilnVersion()), lockTimeout);
        Journal journal = null;
        try {
            String runId = newRunId();
            journal = Journal.open(workspace.journalFile(), runId, Clock.systemUTC(), workspace.encryption());
            ConfiguredEncryption.resealStored(workspace, lock);
            Optional<FoldResult> recovered = journal.recoverLeftover(workspace.backend(), lock, () -> State.create(workspace.kilnVersion()));
            Optional<State> stored = recovered.map(FoldResult::state).or(() -> workspace.backend().read().map(StateSnapshot::state));
            // The state's lineage is fixed when it is first written: a plan saved now must apply to this same state later.
            State current = stored.isPresent() ? stored.get() : workspace.backend().write(State.create(workspace.kilnVersion()), lock).state();
            return new StateSession(workspace, lock, journal, runId, recovered.map(StateSession::describe).orElse(List.of()), current);
        }
        catch (IOException | RuntimeException e) {
            if (journal != null) {
                journal.close();
            }
            workspace.backend().unlock(lock);
            throw e;
        }
    }

    /**
     * Takes the lock within {@code timeout}. A holder that has the lock but has not yet written
     * who it is (the two are a few microseconds apart) gets a short grace, so that the error
     * can name it.
     */
    private static LockHandle lock(Workspace workspace, LockRequest request, Duration timeout)
    {
        try {
            return workspace.backend().lock(request, timeout);
        }
        catch (LockHeldException e) {
            if (e.holder().isPresent()) {
                throw e;
            }
            return workspace.backend().lock(request, HOLDER_GRACE);
        }
    }

    /** A run id that sorts by start time: {@code 20261121T220405Z-1a2b3c4d}. */
    private static String newRunId()
    {
        String time = RUN_TIME.format(Instant.now());
        return time + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static List<Diagnostic> describe(FoldResult recovered)
    {
        List<Diagnostic> diagnostics = new ArrayList<>(recovered.warnings());
        if (!recovered.reconciling().isEmpty()) {
            diagnostics.add(new Diagnostic(Severity.WARNING, "Recovered an interrupted run",
                    "An earlier run stopped before it recorded the result of %d action(s). Their resources are marked for reconciliation and read again by this plan: %s."
                            .formatted(recovered.reconciling().size(), summary(recovered)),
                    Optional.empty(), Optional.empty()));
        }
        return diagnostics;
    }

    private static String summary(FoldResult recovered)
    {
        List<String> names = recovered.reconciling().stream().limit(10).map(Object::toString).toList();
        int more = recovered.reconciling().size() - names.size();
        return String.join(", ", names) + (more > 0 ? " and " + more + " more" : "");
    }

    /** Warnings about what recovery found, to show before anything else. */
    List<Diagnostic> recoveryDiagnostics()
    {
        return recoveryDiagnostics;
    }

    String runId()
    {
        return runId;
    }

    Journal journal()
    {
        return journal;
    }

    LockHandle lock()
    {
        return lock;
    }

    /** The stored state as this session last read or wrote it (a session writes an empty one first when there was none). */
    State state()
    {
        return current;
    }

    /**
     * Writes {@code state} atomically, then empties the journal whose records it holds. When the
     * write fails, the state goes to {@code errored.kiln.state} and the journal stays (see {@link ErroredState}).
     */
    WriteResult commit(State state)
            throws IOException
    {
        State recorded = state.withKilnVersion(workspace.kilnVersion());
        WriteResult written;
        try {
            written = workspace.backend().write(recorded, lock);
        }
        catch (StateException e) {
            // The journal stays: it holds every action this run took until a write succeeds.
            throw ErroredState.save(workspace, current, recorded, e);
        }
        journal.clear();
        current = written.state();
        return written;
    }

    @Override
    public void close()
            throws IOException
    {
        try {
            journal.close();
        }
        finally {
            unlock();
        }
    }

    /**
     * Releases the lock. An S3 release that fails (the server unreachable at the very end) is a
     * warning, not a failure of the command: what it wrote is saved, and the lock's lease runs
     * out on its own.
     */
    private void unlock()
    {
        try {
            workspace.backend().unlock(lock);
        }
        catch (StateException e) {
            if (!(workspace.backend() instanceof S3Backend)) {
                throw e;
            }
            workspace.show(List.of(new Diagnostic(Severity.WARNING, "Failed to release the state lock",
                    e.diagnostic().detail() + "\n\nA lock in S3 is a lease: it runs out by itself when it is not renewed, and the next run takes "
                            + "it over then. To release it at once: kiln force-unlock " + lock.id(),
                    Optional.empty(), Optional.empty())));
        }
    }
}
