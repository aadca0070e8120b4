package dev.kiln.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Callable;

import static java.util.Objects.requireNonNull;

@Command(name = "delete", description = "Delete a backup from its backup point: its record first (it is no longer listed), then its snapshot and objects.")
final class BackupDeleteCommand
        implements Callable<Integer>
{
    private final Invocation invocation;

    @Mixin
    private HelpOption help;

    @Spec
    private CommandSpec spec;

    @Mixin
    private VariableOptions variables;

    @Parameters(index = "0", paramLabel = "ID", description = "The backup, as kiln backup list shows it.")
    private String id;

    BackupDeleteCommand(Invocation invocation)
    {
        this.invocation = requireNonNull(invocation, "invocation is null");
    }

    @Override
    public Integer call()
            throws IOException
    {
        Workspace workspace = new Workspace(invocation, BackupCommands.workingDirectory(spec));
        Optional<BackupContext> context = BackupContext.open(workspace, variables.inputs(invocation, workspace.directory()));
        if (context.isEmpty()) {
            return ExitCodes.ERROR;
        }
        Optional<BackupContext.Found> found;
        try (BackupContext opened = context.get()) {
            found = opened.find(id);
        }
        if (found.isEmpty()) {
            invocation.err().println("Error: No backup " + id + " in the state's backup points. Run kiln backup list to see the backups.");
            return ExitCodes.ERROR;
        }
        try {
            found.get().catalog().delete(id);
        }
        finally {
            found.get().catalog().store().close();
        }
        invocation.out().println("Deleted backup " + id + " from " + found.get().catalog().point() + ".");
        return ExitCodes.OK;
    }
}
