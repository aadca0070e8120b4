package dev.kiln.cli;

import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.state.State;
import dev.kiln.state.StateException;
import dev.kiln.state.backend.WriteRules;
import dev.kiln.state.encryption.SealedStateCodec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * When the final write of a run's state fails (the S3 backend unreachable, say), the state is
 * written to {@code errored.kiln.state} in the working directory (atomically, private to its
 * owner, sealed with the configured encryption) and the journal is kept, so nothing is lost; the error says exactly how to finish:
 * {@code kiln state push errored.kiln.state}, or another apply, which folds the journal in.
 */
final class ErroredState
{
    static final String FILE_NAME = "errored.kiln.state";

    private ErroredState() {}

    /** Saves {@code state} (as the backend would have stored it over {@code stored}) and returns the error to report. */
    static StateException save(Workspace workspace, State stored, State state, StateException failure)
    {
        Path file = workspace.directory().resolve(FILE_NAME);
        State prepared = prepared(stored, state, workspace.backend().location());
        String saved;
        try {
            // Sealed like the backend's copy: with encryption on, no plaintext state is left on disk.
            dev.kiln.state.AtomicFiles.write(file, new SealedStateCodec(workspace.encryption()).encode(prepared));
            saved = ("Nothing is lost: Kiln wrote the state this run produced to %s, and kept this run's journal (.kiln/journal). When %s can be "
                    + "written again, upload it with:\n\n  %s\n\nor run kiln apply again, which folds the journal into the stored state first.")
                    .formatted(file, workspace.backend().location(), pushCommand(workspace));
        }
        catch (IOException e) {
            saved = ("Kiln could not write the state to %s either (%s). This run's journal (.kiln/journal) still holds every action it took: "
                    + "run kiln apply again when the backend can be written, and it folds the journal into the stored state first.")
                    .formatted(file, e.getMessage());
        }
        Diagnostic cause = failure.diagnostic();
        return new StateException(Diagnostic.errorWithoutSource("Failed to save the state",
                cause.summary() + ": " + cause.detail() + "\n\n" + saved), failure);
    }

    /** {@code kiln state push errored.kiln.state}, with {@code -chdir} when the command ran in another directory. */
    static String pushCommand(Workspace workspace)
    {
        Path here = workspace.invocation().workingDirectory();
        if (workspace.directory().equals(here)) {
            return "kiln state push " + FILE_NAME;
        }
        Path shown = workspace.directory().startsWith(here) ? here.relativize(workspace.directory()) : workspace.directory();
        return "kiln -chdir=" + shown + " state push " + FILE_NAME;
    }

    /** The state with the serial the failed write would have given it, so that pushing it later is not refused as stale. */
    private static State prepared(State stored, State state, String location)
    {
        try {
            return WriteRules.prepare(Optional.of(stored), state, location).orElse(state);
        }
        catch (StateException e) {
            return state;
        }
    }
}
