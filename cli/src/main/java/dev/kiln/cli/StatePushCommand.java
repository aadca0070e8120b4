package dev.kiln.cli;

import dev.kiln.state.State;
import dev.kiln.state.encryption.SealedStateCodec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import static java.util.Objects.requireNonNull;

@Command(name = "push", description = {"Replace the stored state with a state document (from kiln state pull).",
        "Refused when the document is another state (lineage) or older than the stored one (serial)."})
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
        if (!ConfiguredEncryption.configure(workspace, variables.inputs(invocation, workspace.directory()))) {
            return ExitCodes.ERROR;
        }
        byte[] bytes = file.equals("-") ? invocation.in().readAllBytes() : Files.readAllBytes(workspace.directory().resolve(Path.of(file)));
        // A pushed document may be plaintext (kiln state pull) or encrypted with the configured key (errored.kiln.state, a history copy).
        State pushed = new SealedStateCodec(workspace.encryption()).decode(bytes, file).state();
        try (StateSession session = StateSession.open(workspace, "state push", lockOptions.lockTimeout)) {
            workspace.show(session.recoveryDiagnostics());
            var written = session.commit(pushed);
            invocation.out().println("Pushed the state (serial " + written.state().serial() + ", " + written.state().resources().size() + " resource instances).");
            return ExitCodes.OK;
        }
    }
}
