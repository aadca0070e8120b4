package dev.kiln.cli;

import dev.kiln.lang.config.VariableInputs;
import dev.kiln.providers.backup.BackupCatalog;
import dev.kiln.providers.backup.BackupEnvironment;
import dev.kiln.providers.backup.BackupRecord;
import dev.kiln.state.ResourceInstance;
import dev.kiln.state.State;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the backup commands share: the working directory's configuration loaded over a
 * state, and the backups of every recorded backup point.
 */
final class BackupContext
        implements AutoCloseable
{
    private final BackupEnvironment environment;

    private BackupContext(BackupEnvironment environment)
    {
        this.environment = environment;
    }

    /**
     * Readies {@code workspace} for a backup command: the variables (an S3 state's settings may
     * use them) and the state's encryption. False when the encryption settings failed (shown).
     */
    static boolean prepare(Workspace workspace, VariableInputs inputs)
    {
        workspace.useVariables(inputs);
        return ConfiguredEncryption.configure(workspace, inputs);
    }

    /** The context over the recorded state; empty when the workspace or the configuration failed (shown). */
    static Optional<BackupContext> open(Workspace workspace, VariableInputs inputs)
            throws IOException
    {
        if (!prepare(workspace, inputs)) {
            return Optional.empty();
        }
        return load(workspace, inputs, workspace.readState());
    }

    /** Empty when the configuration does not load (its diagnostics were shown). */
    static Optional<BackupContext> load(Workspace workspace, VariableInputs inputs, State state)
    {
        return Planning.load(workspace, inputs, state)
                .map(planning -> new BackupContext(new BackupEnvironment(planning.config(), state, workspace.directory())));
    }

    BackupEnvironment environment()
    {
        return environment;
    }

    /** Closes the connections to the clusters' nodes. */
    @Override
    public void close()
    {
        environment.close();
    }

    /** A backup found in one of the recorded points, with the catalog of its point (whose store the caller closes). */
    record Found(BackupCatalog catalog, BackupRecord record) {}

    /** Finds backup {@code id} in the recorded points; the catalogs that did not hold it are closed. */
    Optional<Found> find(String id)
            throws IOException
    {
        for (ResourceInstance point : environment.points()) {
            BackupCatalog catalog = environment.catalog(point, false);
            Optional<BackupRecord> record = catalog.find(id);
            if (record.isPresent()) {
                return Optional.of(new Found(catalog, record.get()));
            }
            catalog.store().close();
        }
        return Optional.empty();
    }

    /** A backup in a listing: the point that holds it and its record. */
    record Listed(String point, BackupRecord record) {}

    List<Listed> list()
            throws IOException
    {
        List<Listed> all = new ArrayList<>();
        for (ResourceInstance point : environment.points()) {
            BackupCatalog catalog = environment.catalog(point, false);
            try {
                catalog.list().forEach(record -> all.add(new Listed(catalog.point(), record)));
            }
            finally {
                catalog.store().close();
            }
        }
        return List.copyOf(all);
    }
}
