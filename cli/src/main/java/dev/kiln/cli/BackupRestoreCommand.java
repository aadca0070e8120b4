package dev.kiln.cli;

import dev.kiln.lang.config.VariableInputs;
import dev.kiln.providers.backup.BackupEnvironment;
import dev.kiln.providers.backup.BackupException;
import dev.kiln.providers.backup.BackupRecord;
import dev.kiln.providers.backup.BackupRestore;
import dev.kiln.state.ResourceInstance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Callable;

import static java.util.Objects.requireNonNull;

@Command(name = "restore",
        description = {"Restore a cluster's etcd from a backup, holding the state lock: the snapshot's checksum is verified first; "
                + "a backup from another Kubernetes minor (or another cluster) is refused unless -force; the control-plane static pods "
                + "are stopped, every member restored with its own name and peer URL, started again, and etcd and the API server "
                + "waited for until healthy. Each step is printed per node."})
final class BackupRestoreCommand
        implements Callable<Integer>
{
    private final Invocation invocation;

    @Mixin
    private HelpOption help;

    @Spec
    private CommandSpec spec;

    @Mixin
    private VariableOptions variables;

    @Mixin
    private LockOptions lock;

    @Parameters(index = "0", paramLabel = "CLUSTER_ADDR", description = "The cluster to restore: cluster.prod.")
    private String cluster;

    @Parameters(index = "1", paramLabel = "BACKUP_ID", description = "The backup, as kiln backup list shows it.")
    private String id;

    @Option(names = {"-force", "--force"}, description = "Restore a backup taken at another Kubernetes minor, or of another cluster. The checksum is checked always.")
    private boolean force;

    BackupRestoreCommand(Invocation invocation)
    {
        this.invocation = requireNonNull(invocation, "invocation is null");
    }

    @Override
    public Integer call()
            throws IOException
    {
        Workspace workspace = new Workspace(invocation, BackupCommands.workingDirectory(spec));
        VariableInputs inputs = variables.inputs(invocation, workspace.directory());
        if (!BackupContext.prepare(workspace, inputs)) {
            return ExitCodes.ERROR;
        }
        try (StateSession session = StateSession.open(workspace, "backup restore", lock.lockTimeout)) {
            Optional<BackupContext> context = BackupContext.load(workspace, inputs, session.state());
            if (context.isEmpty()) {
                return ExitCodes.ERROR;
            }
            try (BackupContext opened = context.get()) {
                return restore(opened);
            }
        }
    }

    private int restore(BackupContext context)
            throws IOException
    {
        BackupEnvironment environment = context.environment();
        Optional<BackupContext.Found> found = context.find(id);
        try {
            ResourceInstance target = environment.cluster(cluster);
            if (found.isEmpty()) {
                throw new BackupException("No backup " + id + " in the state's backup points. Run kiln backup list " + cluster + " to see its backups.");
            }
            invocation.out().println(target.address() + ": restoring backup " + id + " from " + found.get().catalog().point() + "...");
            BackupRecord record = BackupRestore.restore(found.get().catalog(), id, environment.etcd(target), BackupEnvironment.kubernetesVersion(target), force,
                    (node, step) -> invocation.out().println("  " + node + ": " + step));
            invocation.out().println("Restore complete: " + target.address() + " runs on backup " + record.id() + " (taken " + record.created()
                    + ", etcd revision " + record.etcdRevision() + ").");
            return ExitCodes.OK;
        }
        catch (BackupException e) {
            invocation.err().println("Error: " + e.getMessage());
            return ExitCodes.ERROR;
        }
        finally {
            if (found.isPresent()) {
                found.get().catalog().store().close();
            }
        }
    }
}
