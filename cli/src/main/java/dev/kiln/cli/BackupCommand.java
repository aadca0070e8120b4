package dev.kiln.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code kiln backup}: etcd backups of the recorded clusters, kept in backup points. */
@Command(name = "backup",
        synopsisSubcommandLabel = "COMMAND",
        description = {
                "Take, list, delete and restore etcd backups of the clusters in the state.",
                "A backup is an etcd snapshot with its SHA-256, the cluster's Kubernetes objects as YAML, and a metadata record, "
                        + "streamed into a backup point (a directory or an S3 bucket)."
        },
        subcommands = {
                BackupCreateCommand.class,
                BackupListCommand.class,
                BackupDeleteCommand.class,
                BackupRestoreCommand.class,
        })
final class BackupCommand
        implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Mixin
    private HelpOption help;

    /** Without a subcommand: the list of subcommands. */
    @Override
    public Integer call()
    {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.OK;
    }
}
