package dev.kiln.cli;

import dev.kiln.providers.backup.BackupRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import static java.util.Objects.requireNonNull;

@Command(name = "list", description = "List the backups in every backup point of the state, oldest first; with CLUSTER_ADDR, only that cluster's.")
final class BackupListCommand
        implements Callable<Integer>
{
    private final Invocation invocation;

    @Mixin
    private HelpOption help;

    @Spec
    private CommandSpec spec;

    @Mixin
    private VariableOptions variables;

    @Parameters(index = "0", arity = "0..1", paramLabel = "CLUSTER_ADDR", description = "Only the backups of this cluster: cluster.prod.")
    private String cluster;

    BackupListCommand(Invocation invocation)
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
        List<BackupContext.Listed> backups;
        try (BackupContext opened = context.get()) {
            backups = opened.list().stream()
                    .filter(listed -> cluster == null || listed.record().cluster().equals(cluster))
                    .toList();
        }
        if (backups.isEmpty()) {
            invocation.out().println(cluster == null ? "No backups in the state's backup points." : "No backups of " + cluster + ".");
            return ExitCodes.OK;
        }
        print(backups);
        return ExitCodes.OK;
    }

    private void print(List<BackupContext.Listed> backups)
    {
        String[] header = {"ID", "CLUSTER", "POINT", "KUBERNETES", "ETCD", "REVISION", "CREATED", "SIZE", "DESCRIPTION"};
        List<String[]> rows = backups.stream().map(listed -> row(listed.point(), listed.record())).toList();
        int[] widths = new int[header.length];
        for (int column = 0; column < header.length; column++) {
            widths[column] = header[column].length();
            for (String[] row : rows) {
                widths[column] = Math.max(widths[column], row[column].length());
            }
        }
        invocation.out().println(line(header, widths));
        rows.forEach(row -> invocation.out().println(line(row, widths)));
    }

    private static String[] row(String point, BackupRecord record)
    {
        return new String[] {record.id(), record.cluster(), point, record.kubernetesVersion(), record.etcdVersion(),
                Long.toString(record.etcdRevision()), record.created().toString(), Long.toString(record.size()), record.description()};
    }

    private static String line(String[] cells, int[] widths)
    {
        StringBuilder line = new StringBuilder();
        for (int column = 0; column < cells.length; column++) {
            line.append(column == 0 ? "" : "  ").append(column == cells.length - 1 ? cells[column] : String.format("%-" + widths[column] + "s", cells[column]));
        }
        return line.toString().stripTrailing();
    }
}
