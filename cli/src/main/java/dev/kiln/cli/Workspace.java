package dev.kiln.cli;

import dev.kiln.cli.view.DiagnosticTextView;
import dev.kiln.cli.view.Styles;
import dev.kiln.lang.config.ConfigLoader;
import dev.kiln.lang.config.LoadResult;
import dev.kiln.lang.config.VariableInputs;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.planner.render.Style;
import dev.kiln.state.State;
import dev.kiln.state.backend.Backend;
import dev.kiln.state.backend.LocalBackendOptions;
import dev.kiln.state.backend.StateSnapshot;
import dev.kiln.state.encryption.StateEncryption;
import dev.kiln.state.journal.Journal;
import dev.kiln.state.journal.JournalContents;
import dev.kiln.state.journal.JournalFold;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/** One working directory as the lifecycle commands see it: its {@code .kiln/} folder, state backend and views. */
final class Workspace
{
    static final String KILN_DIRECTORY = ".kiln";

    private final Invocation invocation;
    private final Path directory;
    private final boolean machineReadable;
    private VariableInputs variables;
    private Backend backend;
    private StateEncryption encryption = StateEncryption.none();

    Workspace(Invocation invocation, Path directory)
    {
        this(invocation, directory, false);
    }

    /** {@code machineReadable}: standard output carries JSON, so every diagnostic goes to standard error. */
    Workspace(Invocation invocation, Path directory, boolean machineReadable)
    {
        this.invocation = requireNonNull(invocation, "invocation is null");
        this.directory = requireNonNull(directory, "directory is null");
        this.machineReadable = machineReadable;
        this.variables = VariableInputs.builder().environment(invocation.environment()).build();
    }

    Invocation invocation()
    {
        return invocation;
    }

    Path directory()
    {
        return directory;
    }

    Path kilnDirectory()
    {
        return directory.resolve(KILN_DIRECTORY);
    }

    Path journalFile()
    {
        return kilnDirectory().resolve(Journal.FILE_NAME);
    }

    /**
     * The state backend the configuration names (see {@link StateBackends}), opened on first
     * use: the variables of {@link #useVariables} (or the environment's {@code KILN_VAR_*})
     * may be needed to know where an S3 state is.
     */
    Backend backend()
    {
        if (backend == null) {
            backend = StateBackends.configured(this, variables);
        }
        return backend;
    }

    /** The variables the command was given, for a backend configured with variables; before the backend is first used. */
    void useVariables(VariableInputs inputs)
    {
        this.variables = requireNonNull(inputs, "inputs is null");
    }

    /** Works with {@code chosen} instead of the configured backend ({@code kiln init}, which checks and records the choice). */
    void useBackend(Backend chosen)
    {
        this.backend = requireNonNull(chosen, "chosen is null");
    }

    /**
     * Encrypts the state, its copies, the journal and saved plans from now on
     * ({@link ConfiguredEncryption}); before the backend is first used.
     */
    void encryptWith(StateEncryption newEncryption)
    {
        this.encryption = requireNonNull(newEncryption, "newEncryption is null");
        this.backend = null;
    }

    StateEncryption encryption()
    {
        return encryption;
    }

    String kilnVersion()
    {
        return Version.current().kiln();
    }

    /**
     * The state for commands that only read it: the stored state with what an interrupted run
     * left in the journal folded in (in memory; the next command that writes records it).
     */
    State readState()
            throws IOException
    {
        State stored = backend().read().map(StateSnapshot::state).orElseGet(() -> State.create(kilnVersion()));
        JournalContents leftover = JournalContents.read(journalFile(), encryption);
        return leftover.isEmpty() ? stored : JournalFold.fold(stored, leftover).state();
    }

    /**
     * Whether a command that writes state may start: in a directory without state (no
     * {@code kiln.state}, no {@code .kiln/}) the configuration is loaded first, and its errors
     * are shown and nothing is written when it does not load. A directory that has state
     * needs no such check, as opening a session there writes no state.
     */
    boolean configurationLoadsBeforeFirstState(VariableInputs inputs)
    {
        if (Files.exists(kilnDirectory()) || Files.exists(directory.resolve(LocalBackendOptions.STATE_FILE_NAME))) {
            return true;
        }
        LoadResult loaded = ConfigLoader.load(directory, inputs);
        if (!loaded.hasErrors() && loaded.config().isPresent()) {
            return true;
        }
        show(loaded.diagnostics(), loaded.sources());
        return false;
    }

    Style planStyle()
    {
        return invocation.color() ? Style.ANSI : Style.PLAIN;
    }

    Styles styles()
    {
        return new Styles(invocation.color());
    }

    void show(List<Diagnostic> diagnostics, Map<String, String> sources)
    {
        new DiagnosticTextView(machineReadable ? invocation.err() : invocation.out(), invocation.err(), styles()).render(diagnostics, sources);
    }

    void show(List<Diagnostic> diagnostics)
    {
        show(diagnostics, Map.of());
    }
}
