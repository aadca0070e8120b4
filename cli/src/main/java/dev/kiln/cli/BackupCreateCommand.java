package dev.kiln.cli;

import dev.kiln.providers.backup.BackupCatalog;
import dev.kiln.providers.backup.BackupEnvironment;
import dev.kiln.providers.backup.BackupException;
import dev.kiln.providers.backup.BackupRecord;
import dev.kiln.state.ResourceInstance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;

import static java.util.Objects.requireNonNull;

@Command(name = "create",
        description = {"Take a backup of a cluster: a hot etcd snapshot from a healthy control-plane member and its Kubernetes objects, "
                + "streamed into a backup point with their SHA-256 and a metadata record.",
                "The point is -point, else the one the cluster's backup block names, else the only one in the state."})
final class BackupCreateCommand
        implements Callable<Integer>
{
    private final Invocation invocation;

    @Mixin
    private HelpOption help;

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private BackupCommand backup;

    @Mixin
    private VariableOptions variables;

    @Parameters(index = "0", paramLabel = "CLUSTER_ADDR", description = "The cluster to back up, as in the state: cluster.prod.")
    private String cluster;

    @Option(names = {"-point", "--point"}, paramLabel = "NAME", description = "The backup point: minio or backup_point.minio.")
    private String point;

    @Option(names = {"-description", "--description"}, paramLabel = "TEXT", defaultValue = "", description = "A note kept with the backup.")
    private String description;

    BackupCreateCommand(Invocation invocation)
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
        try (BackupContext opened = context.get()) {
            BackupEnvironment environment = opened.environment();
            ResourceInstance target = environment.cluster(cluster);
            ResourceInstance destination = environment.point(target, Optional.ofNullable(point));
            BackupCatalog catalog = environment.catalog(destination, true);
            try {
                invocation.out().println(target.address() + ": taking an etcd snapshot into " + destination.address() + " (" + catalog.store().location() + ")...");
                BackupRecord record = catalog.create(environment.etcd(target), BackupEnvironment.kubernetesVersion(target), description, Clock.systemUTC());
                invocation.out().println("Backup " + record.id() + " created in " + destination.address() + ": "
                        + record.size() + " bytes, SHA-256 " + record.sha256() + ", etcd " + record.etcdVersion()
                        + " at revision " + record.etcdRevision() + ", Kubernetes " + record.kubernetesVersion() + ".");
            }
            finally {
                catalog.store().close();
            }
            return ExitCodes.OK;
        }
        catch (BackupException e) {
            invocation.err().println("Error: " + e.getMessage());
            return ExitCodes.ERROR;
        }
    }
}
