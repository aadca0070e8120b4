package dev.kiln.cli;

import dev.kiln.lang.config.ConfigLoader;
import dev.kiln.lang.config.LoadResult;
import dev.kiln.lang.config.VariableInputs;
import dev.kiln.state.StateException;
import dev.kiln.state.backend.Backend;
import dev.kiln.state.backend.LocalBackend;
import dev.kiln.state.backend.LocalBackendOptions;
import dev.kiln.state.backend.s3.S3Backend;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import static java.util.Objects.requireNonNull;

@Command(name = "init",
        description = {
                "Prepare the working directory for Kiln.",
                "Creates .kiln/, checks the configuration, and checks that the state backend can be read and locked (for S3: that the server "
                        + "honours conditional writes). Safe to run again. When the configuration names another backend than before, "
                        + "-migrate-state moves the state there."
        },
        footer = {"", "Exit status: 0 when the directory is ready, 1 otherwise."})
final class InitCommand
        implements Callable<Integer>
{
    private final Invocation invocation;

    @Mixin
    private HelpOption help;

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private KilnCommand kiln;

    @Mixin
    private VariableOptions variables;

    @Mixin
    private LockOptions lockOptions;

    @Option(names = {"-migrate-state", "--migrate-state"},
            description = "Copy the state from the backend this directory was set up for to the one the configuration names now (asks first).")
    private boolean migrateState;

    @Option(names = {"-force-copy", "--force-copy"}, description = "With -migrate-state: copy without asking, overwriting a state already at the new backend.")
    private boolean forceCopy;

    @Option(names = {"-reconfigure", "--reconfigure"},
            description = "Use the backend the configuration names as it is, leaving the state of the previous backend where it is.")
    private boolean reconfigure;

    InitCommand(Invocation invocation)
    {
        this.invocation = requireNonNull(invocation, "invocation is null");
    }

    @Override
    public Integer call()
            throws IOException
    {
        Workspace workspace = new Workspace(invocation, kiln.workingDirectory(spec));
        VariableInputs inputs = variables.inputs(invocation, workspace.directory());
        workspace.useVariables(inputs);
        invocation.out().println("Initializing the working directory " + workspace.directory() + "...");
        LoadResult loaded = ConfigLoader.load(workspace.directory(), inputs);
        workspace.show(loaded.diagnostics(), loaded.sources());
        if (loaded.hasErrors() || loaded.config().isEmpty() || !ConfiguredEncryption.configure(workspace, inputs)) {
            return ExitCodes.ERROR;
        }
        Files.createDirectories(workspace.kilnDirectory());
        try {
            StateBackends.Choice choice = StateBackends.choice(loaded.config().get().model(), invocation.environment());
            BackendRecord configured = choice.record();
            Backend target = StateBackends.open(workspace, choice);
            if (target instanceof S3Backend s3Backend) {
                invocation.out().println("- Checking that the S3 server of " + target.location() + " honours conditional writes...");
                s3Backend.checkConditionalWrites();
            }
            if (!switchBackend(workspace, configured, target)) {
                return ExitCodes.ERROR;
            }
            workspace.useBackend(target);
            try (StateSession session = StateSession.open(workspace, "init", lockOptions.lockTimeout)) {
                workspace.show(session.recoveryDiagnostics());
                int instances = session.state().resources().size();
                invocation.out().println("- State: " + target.location() + (instances == 0 ? " (empty)" : " (" + instances + " resource instances)"));
            }
            configured.write(workspace.kilnDirectory());
        }
        catch (StateException e) {
            workspace.show(List.of(e.diagnostic()));
            return ExitCodes.ERROR;
        }
        invocation.out().println();
        invocation.out().println(workspace.styles().green(workspace.styles().bold("Kiln has been successfully initialized!")));
        invocation.out().println();
        invocation.out().println("Run \"kiln plan\" to see what Kiln would change, then \"kiln apply\" to make it so.");
        return ExitCodes.OK;
    }

    /** Handles a configuration that names another backend than the one recorded; false when the command must stop. */
    private boolean switchBackend(Workspace workspace, BackendRecord configured, Backend target)
            throws IOException
    {
        Optional<BackendRecord> previous = StateBackends.recorded(workspace, configured);
        if (previous.isEmpty() || previous.get().sameStorage(configured)) {
            if (migrateState) {
                invocation.out().println("- The state is already kept in " + target.location() + "; nothing to migrate.");
            }
            return true;
        }
        if (migrateState) {
            // The configured encryption applies to both sides: a migration moves a state, it does not decrypt or re-key it.
            Backend source = previous.get().s3().isPresent()
                    ? new S3Backend(previous.get().s3Options(invocation.environment()).withEncryption(workspace.encryption()), notice -> workspace.show(List.of(notice)))
                    : new LocalBackend(LocalBackendOptions.inDirectory(workspace.directory(), previous.get().localPath()).withEncryption(workspace.encryption()));
            return BackendMigration.migrate(workspace, source, target, forceCopy, lockOptions.lockTimeout);
        }
        if (reconfigure) {
            invocation.out().println("- Using " + target.location() + "; the state of " + previous.get().describe() + " stays where it is.");
            return true;
        }
        throw StateBackends.changed(previous.get(), configured);
    }
}
