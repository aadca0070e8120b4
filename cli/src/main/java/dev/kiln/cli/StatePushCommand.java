package dev.kiln.cli;

import dev.kiln.lang.config.VariableInputs;
import dev.kiln.lang.diag.Diagnostic;
import dev.kiln.state.State;
import dev.kiln.state.backend.WriteResult;
import dev.kiln.state.encryption.SealedStateCodec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import static java.util.Objects.requireNonNull;

@Command(name = "push", description = {"Replace the stored state with a state document (from kiln state pull, or errored.kiln.state).",
        "Refused when the document is another state (lineage) or older than the stored one (serial), unless -force."})
final class StatePushCommand
        implements Callable<Integer>
{
    private final Invocation invocation;

    @Mixin
    private HelpOption help;

    @Mixin
    private VariableOptions variables;

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private StateCommand state;

    @Mixin
    private LockOptions lockOptions;

    @Option(names = {"-force", "--force"},
            description = "Push even a document of another lineage or an older serial: its contents become the next version of the stored state.")
    private boolean force;

    @Parameters(index = "0", paramLabel = "FILE", description = "The state document; - reads standard input.")
    private String file;

    StatePushCommand(Invocation invocation)
    {
        this.invocation = requireNonNull(invocation, "invocation is null");
    }

    @Override
    public Integer call()
            throws IOException
    {
        Workspace workspace = new Workspace(invocation, state.workingDirectory(spec));
        VariableInputs inputs = variables.inputs(invocation, workspace.directory());
        workspace.useVariables(inputs);
        if (!ConfiguredEncryption.configure(workspace, inputs)) {
            return ExitCodes.ERROR;
        }
        byte[] bytes = file.equals("-") ? invocation.in().readAllBytes() : Files.readAllBytes(workspace.directory().resolve(Path.of(file)));
        // A pushed document may be plaintext (kiln state pull) or encrypted with the configured key (errored.kiln.state, a history copy).
        State pushed = new SealedStateCodec(workspace.encryption()).decode(bytes, file).state();
        try (StateSession session = StateSession.open(workspace, "state push", lockOptions.lockTimeout)) {
            workspace.show(session.recoveryDiagnostics());
            State stored = session.state();
            Optional<Diagnostic> refusal = refusal(stored, pushed, workspace.backend().location());
            if (refusal.isPresent() && !force) {
                workspace.show(List.of(refusal.get()));
                return ExitCodes.ERROR;
            }
            State accepted = refusal.isPresent() || unwritten(stored)
                    ? new State(pushed.kilnVersion(), stored.lineage(), Math.max(stored.serial(), pushed.serial()), pushed.resources(), pushed.outputs())
                    : pushed;
            WriteResult written = session.commit(accepted);
            invocation.out().println("Pushed the state (serial " + written.state().serial() + ", " + written.state().resources().size() + " resource instances).");
            return ExitCodes.OK;
        }
    }

    /** Why the document may not replace the stored state without -force: another lineage, or an older serial. */
    private static Optional<Diagnostic> refusal(State stored, State pushed, String location)
    {
        if (unwritten(stored)) {
            return Optional.empty();
        }
        if (!stored.lineage().equals(pushed.lineage())) {
            return Optional.of(Diagnostic.errorWithoutSource("State lineage mismatch",
                    ("The document is another state (lineage %s) than the one stored at %s (lineage %s). Pushing it would replace that state's "
                            + "record of what Kiln manages. Check that it is the right document and the right directory; pass -force to push it anyway.")
                            .formatted(pushed.lineage(), location, stored.lineage())));
        }
        if (pushed.serial() < stored.serial()) {
            return Optional.of(Diagnostic.errorWithoutSource("Stale state",
                    ("The document has serial %d, but the state stored at %s is at serial %d: it is older, and pushing it would undo what was "
                            + "recorded since. Pull the current state instead (kiln state pull), or pass -force to push the older one anyway.")
                            .formatted(pushed.serial(), location, stored.serial())));
        }
        return Optional.empty();
    }

    /** The empty state a session writes where there was none: anything may replace it. */
    private static boolean unwritten(State stored)
    {
        return stored.resources().isEmpty() && stored.outputs().isEmpty() && stored.serial() <= 1;
    }
}
