package dev.kiln.cli;

import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.state.State;
import dev.kiln.state.backend.Backend;
import dev.kiln.state.backend.StateSnapshot;
import dev.kiln.state.backend.WriteResult;
import dev.kiln.state.lock.LockHandle;
import dev.kiln.state.journal.FoldResult;
import dev.kiln.state.journal.Journal;
import dev.kiln.state.journal.JournalContents;
import dev.kiln.state.lock.LockRequest;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code kiln init -migrate-state}: copies the state from the backend the directory was set up
 * for to the one the configuration names now (local file to S3 or back), under both locks,
 * after the operator confirms (or with {@code -force-copy}). What an interrupted run left in
 * the journal is folded into the old state first (as every command that writes state does when
 * it starts), so the copy holds it too. A state already at the target is overwritten only when
 * confirmed; the old copy stays where it was.
 */
final class BackendMigration
{
    private BackendMigration() {}

    /** Whether the state is at the target now (or there was none to move); false when the operator declined. */
    static boolean migrate(Workspace workspace, Backend source, Backend target, boolean forceCopy, Duration lockTimeout)
            throws IOException
    {
        Invocation invocation = workspace.invocation();
        Optional<State> moving = source.read().map(StateSnapshot::state);
        boolean leftover = !JournalContents.read(workspace.journalFile(), workspace.encryption()).isEmpty();
        if (moving.isEmpty() && !leftover) {
            invocation.out().println("- No state at " + source.location() + "; nothing to migrate.");
            return true;
        }
        Optional<State> existing = target.read().map(StateSnapshot::state);
        boolean overwrite = existing.isPresent() && !(existing.get().resources().isEmpty() && existing.get().outputs().isEmpty());
        if (!forceCopy && !confirmed(workspace, source, target, overwrite)) {
            return false;
        }
        LockRequest request = LockRequest.forThisProcess("init -migrate-state", workspace.kilnVersion());
        LockHandle sourceLock = source.lock(request, lockTimeout);
        try {
            LockHandle targetLock = target.lock(request, lockTimeout);
            try {
                State copied = foldLeftover(workspace, source, sourceLock).or(() -> source.read().map(StateSnapshot::state))
                        .orElseGet(() -> State.create(workspace.kilnVersion()));
                WriteResult written = target.write(existing.map(stored -> continuing(stored, copied)).orElse(copied), targetLock);
                invocation.out().println("- Copied the state (serial %d, %d resource instances) from %s to %s.".formatted(
                        written.state().serial(), written.state().resources().size(), source.location(), target.location()));
                invocation.out().println("  The old copy stays at " + source.location() + "; delete it once you no longer need it.");
                return true;
            }
            finally {
                target.unlock(targetLock);
            }
        }
        finally {
            source.unlock(sourceLock);
        }
    }

    /** Folds a leftover journal into the source's state (written there, the journal cleared); empty when there was none. */
    private static Optional<State> foldLeftover(Workspace workspace, Backend source, LockHandle sourceLock)
            throws IOException
    {
        Journal journal = Journal.open(workspace.journalFile(), "init-migrate-state", Clock.systemUTC(), workspace.encryption());
        try {
            Optional<FoldResult> recovered = journal.recoverLeftover(source, sourceLock, () -> State.create(workspace.kilnVersion()));
            recovered.ifPresent(result -> workspace.invocation().out().println(
                    "- Recorded what an interrupted run left in the journal in the state at %s first%s.".formatted(source.location(),
                            result.reconciling().isEmpty() ? "" : " (%d unfinished action(s) marked for reconciliation)".formatted(result.reconciling().size()))));
            return recovered.map(FoldResult::state);
        }
        finally {
            journal.close();
        }
    }

    private static boolean confirmed(Workspace workspace, Backend source, Backend target, boolean overwrite)
            throws IOException
    {
        Invocation invocation = workspace.invocation();
        if (!invocation.terminal()) {
            workspace.show(List.of(Diagnostic.errorWithoutSource("No terminal to confirm on",
                    "kiln init -migrate-state asks before it copies the state, and standard output is not a terminal. Pass -force-copy to copy it without asking.")));
            return false;
        }
        boolean yes = overwrite
                ? Approval.ask(invocation, "Do you want to overwrite the state in " + target.location() + "?",
                        "A state is already stored there. Kiln will replace it with the state from " + source.location() + ".")
                : Approval.ask(invocation, "Do you want to copy the state to " + target.location() + "?",
                        "Kiln will copy the state from " + source.location() + " to the backend the configuration names now.");
        if (!yes) {
            invocation.err().println("Error: Migration cancelled.");
        }
        return yes;
    }

    /**
     * The copy as the next version of the target's own state: a stored state of another lineage
     * (the operator agreed to overwrite it) keeps its lineage, and the serial never goes back.
     */
    private static State continuing(State stored, State copied)
    {
        return new State(copied.kilnVersion(), stored.lineage(), Math.max(stored.serial(), copied.serial()), copied.resources(), copied.outputs());
    }
}
